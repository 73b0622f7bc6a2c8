/**
 * Names that look like TikTok: handles, display names and captions, per content niche. Handles follow
 * TikTok's rules as the API stores them: lowercase letters, digits, `.` and `_`, no `@`, not ending in
 * a dot, unique within a project.
 */
import type { Rng } from "./prng.js";

export interface Niche {
  key: string;
  label: string;
  handleWords: string[];
  tags: string[];
  hooks: string[];
}

export const NICHES: Niche[] = [
  {
    key: "beauty",
    label: "beauty",
    handleWords: ["glow", "beauty", "makeup", "lashes", "blush"],
    tags: ["makeup", "beautytok", "grwm", "makeuptutorial", "drugstoremakeup"],
    hooks: [
      "grwm for a 9am meeting",
      "the blush trick nobody talks about",
      "testing the viral lip combo so you don't have to",
      "my 5 minute everyday face",
      "rating every concealer I own",
      "this primer changed my life (not sponsored… ok kind of)",
    ],
  },
  {
    key: "skincare",
    label: "skincare",
    handleWords: ["skin", "derm", "serum", "spf", "clearskin"],
    tags: ["skincare", "skintok", "skincareroutine", "acne", "spf"],
    hooks: [
      "3 mistakes I made with retinol",
      "night routine for dry skin",
      "dermatologist reacts to your routines",
      "is this $12 serum actually good?",
      "how I cleared my hormonal acne",
      "spf you won't hate wearing",
    ],
  },
  {
    key: "fitness",
    label: "fitness",
    handleWords: ["fit", "lifts", "gains", "pilates", "runs"],
    tags: ["gymtok", "fitness", "workout", "pilates", "fitnessmotivation"],
    hooks: [
      "full body workout, no equipment",
      "day 42 of 75 hard",
      "what I eat after leg day",
      "stop doing crunches like this",
      "10 minute pilates you can do in bed",
      "form check: hip thrusts",
    ],
  },
  {
    key: "food",
    label: "cooking",
    handleWords: ["eats", "kitchen", "cooks", "bakes", "snacks"],
    tags: ["foodtok", "recipe", "easyrecipe", "mealprep", "cooking"],
    hooks: [
      "15 minute garlic noodles",
      "meal prep for the week under $40",
      "the only banana bread recipe you need",
      "trying the viral cucumber salad",
      "dinner for two in one pan",
      "my grandma's soup, finally written down",
    ],
  },
  {
    key: "gaming",
    label: "gaming",
    handleWords: ["plays", "gg", "clips", "gamer", "respawn"],
    tags: ["gaming", "gamingtiktok", "fyp", "twitchclips", "minecraft"],
    hooks: [
      "the clutch nobody believed",
      "ranking every boss by difficulty",
      "this glitch still works",
      "when your duo says one more game",
      "speedrun attempt #118",
      "building a castle in 60 seconds",
    ],
  },
  {
    key: "tech",
    label: "tech",
    handleWords: ["tech", "setup", "gadgets", "unboxed", "pixel"],
    tags: ["techtok", "desksetup", "gadgets", "iphone", "productivity"],
    hooks: [
      "desk setup tour 2026",
      "5 apps I use every day",
      "is the new phone worth it?",
      "hidden settings you should turn off",
      "unboxing the thing everyone asked about",
      "cable management for lazy people",
    ],
  },
  {
    key: "fashion",
    label: "fashion",
    handleWords: ["style", "fits", "thrift", "closet", "outfits"],
    tags: ["ootd", "fashiontok", "thrifthaul", "styling", "outfitideas"],
    hooks: [
      "styling one blazer five ways",
      "thrift haul: $30 challenge",
      "outfits I wore this week",
      "capsule wardrobe for spring",
      "how to look put together in 5 min",
      "try-on haul (the jeans are a 10/10)",
    ],
  },
  {
    key: "travel",
    label: "travel",
    handleWords: ["travels", "wander", "abroad", "trips", "passport"],
    tags: ["traveltok", "travel", "budgettravel", "hiddengems", "solotravel"],
    hooks: [
      "3 days in Lisbon for under $300",
      "hidden beach nobody told you about",
      "what I pack in a carry-on",
      "airport hacks that actually work",
      "my honest review of this hotel",
      "solo trip diary, day 4",
    ],
  },
  {
    key: "pets",
    label: "pets",
    handleWords: ["pup", "paws", "kitty", "doggo", "meow"],
    tags: ["dogsoftiktok", "catsoftiktok", "pets", "puppy", "funnyanimals"],
    hooks: [
      "he heard the treat bag from two rooms away",
      "teaching my dog a new trick, day 3",
      "pov: the cat owns the apartment",
      "first bath, he was not a fan",
      "rating pet toys by how fast they get destroyed",
      "morning routine with a golden retriever",
    ],
  },
  {
    key: "finance",
    label: "personal finance",
    handleWords: ["money", "budget", "invests", "finance", "saves"],
    tags: ["moneytok", "personalfinance", "budgeting", "investing", "savingmoney"],
    hooks: [
      "how I paid off $18k in 14 months",
      "budget with me: March",
      "3 money rules I wish I knew at 22",
      "high yield savings explained in 60s",
      "what $50k salary looks like after tax",
      "no-spend week results",
    ],
  },
  {
    key: "books",
    label: "books",
    handleWords: ["reads", "books", "pages", "library", "chapters"],
    tags: ["booktok", "bookrecommendations", "reading", "romancebooks", "fantasybooks"],
    hooks: [
      "books that made me cry on the train",
      "rating my March reads",
      "if you liked that series, read these",
      "annotating with me",
      "the plot twist I did NOT see coming",
      "reading vlog: 400 pages in a weekend",
    ],
  },
  {
    key: "diy",
    label: "DIY & home",
    handleWords: ["diy", "home", "makes", "crafts", "reno"],
    tags: ["diy", "hometok", "renterfriendly", "homedecor", "crafting"],
    hooks: [
      "renter friendly kitchen upgrade",
      "turning a $5 lamp into this",
      "small apartment storage ideas",
      "painting my front door (finally)",
      "the easiest shelf you'll ever build",
      "before and after: guest room",
    ],
  },
];

const FIRST =
  "maya liam zoe noah ava ethan mia lucas chloe mateo ella leo sofia jay nina omar ivy kai layla theo aria eli jade sam priya diego hana max ruby finn amara jonah lena marco tess arjun cleo dev frida gabe isla jules kira luca mila nico olive paz quinn rosa sage tomas uma vera wes xena yara zain bea cam dani emi gio".split(
    " ",
  );

const LAST =
  "torres nguyen patel kim garcia smith okafor rossi silva cohen brown lopez chen murphy ali haddad novak santos jensen moreau tanaka reyes walsh bauer costa ibrahim larsen mendes park rivera shah weber young adams bell cruz diaz evans ford gray hayes irwin james khan lee".split(
    " ",
  );

const EMOJI = ["✨", "😭", "🔥", "💅", "🫶", "👀", "😂", "🙌", "💀", "🤍", "🍋", "⭐"];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface Person {
  first: string;
  last: string;
}

export function person(rng: Rng): Person {
  return { first: rng.pick(FIRST), last: rng.pick(LAST) };
}

/** A candidate handle; callers make it unique. */
function handleCandidate(rng: Rng, p: Person, niche: Niche): string {
  const w = rng.pick(niche.handleWords);
  switch (rng.int(0, 9)) {
    case 0:
      return `${p.first}${p.last}`;
    case 1:
      return `${p.first}.${p.last}`;
    case 2:
      return `${p.first}_${w}`;
    case 3:
      return `${w}with${p.first}`;
    case 4:
      return `its${p.first}${rng.int(1, 99)}`;
    case 5:
      return `${p.first}${p.last.slice(0, 1)}.${w}`;
    case 6:
      return `the${w}${p.first}`;
    case 7:
      return `${p.first}.${w}${rng.int(0, 9)}`;
    case 8:
      return `${p.first}_${p.last}_`;
    default:
      return `${w}by${p.first}`;
  }
}

/** A handle not yet in `taken` (which it is added to). */
export function uniqueHandle(rng: Rng, p: Person, niche: Niche, taken: Set<string>): string {
  let h = handleCandidate(rng, p, niche);
  for (let attempt = 0; taken.has(h); attempt++) {
    h = attempt < 4 ? handleCandidate(rng, p, niche) : `${h.replace(/[._]+$/, "")}${rng.int(2, 999)}`;
  }
  h = h.slice(0, 24).replace(/\.+$/, "");
  while (taken.has(h)) h = `${h.slice(0, 20)}${rng.int(10, 9999)}`;
  taken.add(h);
  return h;
}

/** What TikTok shows as the profile name; null for the few accounts that leave it empty. */
export function displayName(rng: Rng, p: Person, niche: Niche): string | null {
  switch (rng.weighted([40, 15, 12, 10, 8, 6, 5])) {
    case 0:
      return `${capitalize(p.first)} ${capitalize(p.last)}`;
    case 1:
      return `${p.first} ${rng.pick(EMOJI)}`;
    case 2:
      return `${capitalize(p.first)} | ${capitalize(niche.label)}`;
    case 3:
      return capitalize(p.first);
    case 4:
      return `${capitalize(p.first)} ${capitalize(p.last.slice(0, 1))}.`;
    case 5:
      return `${p.first.toUpperCase()} ${rng.pick(EMOJI)}${rng.pick(EMOJI)}`;
    default:
      return null;
  }
}

/** A caption: a hook, sometimes an emoji, two or three hashtags. */
function caption(rng: Rng, niche: Niche): string {
  const r = rng.float();
  const hook = rng.pick(niche.hooks);
  const emoji = r < 0.5 ? ` ${rng.pick(EMOJI)}` : "";
  const tags = rng.sample(niche.tags, rng.int(2, 3));
  if (r > 0.85) tags.push("fyp");
  return `${hook}${emoji} ${tags.map((t) => `#${t}`).join(" ")}`;
}

/**
 * Captions drawn from a per-niche pool. Creators in a niche reuse hooks and hashtags anyway, and sharing
 * the strings keeps a 250,000-video world from holding 250,000 copies of near-identical text.
 */
export class CaptionPool {
  private readonly pools = new Map<string, string[]>();

  constructor(private readonly rng: Rng) {}

  /** A caption for a video of this niche; null for a few captionless posts. */
  next(rng: Rng, niche: Niche): string | null {
    let pool = this.pools.get(niche.key);
    if (!pool) {
      pool = Array.from({ length: 60 }, () => caption(this.rng, niche));
      this.pools.set(niche.key, pool);
    }
    return rng.float() < 0.03 ? null : rng.pick(pool);
  }
}

/** A handle for a video added by URL: an account the project does not track. */
export function externalHandle(rng: Rng, taken: Set<string>): string {
  return uniqueHandle(rng, person(rng), rng.pick(NICHES), taken);
}

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);

export function monthName(month: number): string {
  return MONTHS[month]!;
}
