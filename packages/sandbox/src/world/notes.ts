/**
 * Notes (`description`) that read like a program manager wrote them: strategy, audience, benchmarks,
 * relationship context, known issues. The agent guide tells agents to read these before analysing an
 * entity, so they carry the kind of context that changes an interpretation ("paused for exams").
 */
import { monthName, type Niche } from "./names.js";
import type { Rng } from "./prng.js";

export const BRANDS = [
  "Glow Serum",
  "Luma Lip Oil",
  "PeakFuel bars",
  "Orbit earbuds",
  "Nimbus backpacks",
  "Sprout meal kits",
  "Tidy storage boxes",
  "Pawsome treats",
];

const AUDIENCES = [
  "18–24, mostly US",
  "Gen Z women in the US and UK",
  "25–34, split US/Canada",
  "college students",
  "new parents",
  "mostly US, 60/40 female",
  "UK and Ireland, 18–30",
];

const AGENCIES = ["Northstar Talent", "Bloom Mgmt", "Loud Creative", "Kite Agency"];
const CONTACTS = ["Priya", "Marcus", "Jess", "Tom", "Aisha", "Daniel"];

function sentence(rng: Rng, options: Array<() => string>): string {
  return rng.pick(options)();
}

/** Notes on a creator (about 40 % of them get one). `selective` creators more often explain why. */
export function creatorNote(rng: Rng, niche: Niche, selective: boolean, nowMonth: number): string {
  const month = () => monthName((nowMonth + rng.int(1, 5)) % 12);
  const past = () => monthName((nowMonth + 12 - rng.int(1, 4)) % 12);
  const parts: string[] = [];
  parts.push(
    sentence(rng, [
      () =>
        `${niche.label.charAt(0).toUpperCase()}${niche.label.slice(1)} creator, audience ${rng.pick(AUDIENCES)}.`,
      () => `Does ${niche.label} + lifestyle. Audience skews ${rng.pick(AUDIENCES)}.`,
      () => `Main format: talking-head ${niche.label} tips. Strong hooks, weaker CTAs.`,
      () => `${niche.label} — mostly tutorials, some day-in-the-life. Comments are very engaged.`,
      () => `Small but loyal ${niche.label} audience; saves are unusually high for her size.`,
    ]),
  );
  if (selective || rng.chance(0.15)) {
    parts.push(
      sentence(rng, [
        () =>
          "On selective because a lot of her posts are off-topic vlogs — only approve videos that show the product.",
        () => "Selective mode: he reposts other brands' content, check each video before approving.",
        () => "We review everything manually for this one (past disclosure issues).",
      ]),
    );
  }
  const extra = rng.int(1, 2);
  const pool: Array<() => string> = [
    () => `Contract renews in ${month()} — decide two weeks before whether to extend.`,
    () => `Paid on CPM since ${past()}; happy with the rate so far.`,
    () =>
      `Agency-managed (talk to ${rng.pick(CONTACTS)} at ${rng.pick(AGENCIES)}, not the creator directly).`,
    () => `Came in through the gifting program, converted to paid in ${past()}.`,
    () => "Very responsive on email, slow on DMs.",
    () => `Paused for exams until the ${rng.int(10, 28)}th — expect fewer posts.`,
    () => `Was sick for a week in ${past()}, posting picked back up after.`,
    () => "Views dipped after the handle change, keep an eye on it.",
    () => "Don't benchmark against the big accounts — compare with the 10–50k tier.",
    () => "Batch-posts on Sundays, so daily numbers look lumpy.",
    () => "Asked for the brief two weeks earlier next time.",
    () => "Moving apartments this month, may go quiet for a bit.",
    () => `Exclusive in the ${niche.label} category until end of ${month()}.`,
    () => "Great at comments/replies — good candidate for the Q&A format.",
    () => "Prefers we don't touch captions; send notes on hooks only.",
  ];
  for (const s of rng.sample(pool, extra)) parts.push(s());
  return rng.chance(0.3) ? parts.map((p) => `- ${p}`).join("\n") : parts.join(" ");
}

/** Notes on a video (about 10 % of them). */
export function videoNote(rng: Rng): string {
  return sentence(rng, [
    () => `Tracked because it mentions the product by name at 0:${String(rng.int(5, 45)).padStart(2, "0")}.`,
    () => "Duet with another creator in the program.",
    () => "Reposted after the original got taken down for music rights.",
    () => "Client loved this one — use it as the reference for the next brief.",
    () => "Sponsored; disclosure added after we asked.",
    () => "Not on brief but performing well, leaving it in.",
    () => "Check the comments: a lot of people asking where to buy.",
    () => `Posted early by mistake (embargo was the ${rng.int(2, 28)}th).`,
    () => "Content type: tutorial. Good evergreen performer.",
    () => "Stitch of a competitor's ad — legal said fine.",
  ]);
}

export function projectNote(rng: Rng, name: string, brand: string, creators: number): string {
  return sentence(rng, [
    () =>
      `${name}: ongoing creator program for ${brand}, about ${creators} creators. Reporting every Monday ` +
      "covering the previous week. Treat anything scraped more than 12 h ago as stale before drawing conclusions. " +
      "Goals are per creator; most payouts are CPM plus a small retainer.",
    () =>
      `Creators posting about ${brand}. We care about consistency more than one-off peaks: a creator with ` +
      "a full week of no posts should be flagged. Healthy engagement for this program is 4–8% by views.",
    () =>
      `## ${name}\n\nBrand: ${brand}. ${creators} creators, mixed tiers (10k–2M followers).\n\n` +
      "- Benchmarks: median views per post ≈ 20% of followers; ER by views 4–6%.\n" +
      "- Campaign stats already roll up sub-campaigns — don't add them up by hand.\n" +
      "- Selective-mode creators: pending videos don't count until someone approves them.",
  ]);
}

export type CampaignKind = "program" | "quarter" | "month" | "partnership" | "always_on" | "tier" | "draft";

export function campaignNote(
  rng: Rng,
  kind: CampaignKind,
  ctx: { brand: string; label: string },
): string | null {
  const aud = rng.pick(AUDIENCES);
  switch (kind) {
    case "program":
      return (
        `Umbrella for everything we run with creators this year (${ctx.brand}). Report on this one monthly. ` +
        "Benchmarks: 4–6% ER by views is healthy, under 3% is a flag. The quarters roll up here — don't double count."
      );
    case "quarter":
      return rng.chance(0.7)
        ? `${ctx.label} roll-up. Targets are set per month; compare the month campaigns with each other, not with the quarter.`
        : null;
    case "month":
      return rng.chance(0.85)
        ? `${ctx.label} push for ${ctx.brand}. Creators post 2–3 videos each; the videos tagged here are the ones ` +
            `that actually show the product. Audience: ${aud}. Success = beating last month's views with the same roster.`
        : null;
    case "partnership":
      return (
        `Paid partnership with ${ctx.brand}. Brief: honest first impressions, product on screen in the first 3 seconds. ` +
        `Audience: ${aud}. Benchmark: CPM under $8, ER by views above 5%. ` +
        "Analysis: look at the top 5 videos and what the hooks have in common."
      );
    case "always_on":
      return (
        "Ambassadors who post every week. Consistency matters more than peaks — flag anyone with a full week " +
        "of no posts, and anyone whose engagement halves month over month."
      );
    case "tier":
      return rng.chance(0.6) ? `${ctx.label}: retainer + CPM. Reviewed quarterly.` : null;
    case "draft":
      return "Draft — brief not signed yet. Don't report on this.";
  }
}

export function structureNote(rng: Rng, ruleType: string): string | null {
  if (rng.chance(0.3)) return null;
  switch (ruleType) {
    case "recurring":
      return "Guaranteed base pay. Prorated by day when someone joins mid-period.";
    case "cpm":
      return "Pays per 1,000 views gained in the period, counted videos only (pending/excluded don't pay).";
    case "view_threshold":
      return "One-off bonus per video that crosses the threshold. Paid once per video, never twice.";
    default:
      return "Bonus when the linked goal is met for the period. Evaluated 48 h after the period closes.";
  }
}

export function paymentNote(rng: Rng, monthLabel: string): string | null {
  return (
    sentence(rng, [
      () => `${monthLabel} batch`,
      () => "Confirmed received by creator",
      () => `${monthLabel} payout`,
      () => "Paid a bit late, apologised in DMs",
      () => "",
    ]) || null
  );
}
