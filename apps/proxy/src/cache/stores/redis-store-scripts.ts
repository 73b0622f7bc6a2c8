/**
 * The Lua scripts behind {@link RedisStore}: each store operation is one script, so it is atomic on the
 * Redis server (no other instance sees half an entry, or a tag index out of step with its entries).
 *
 * Layout under the store's prefix `P`:
 * - `P e:<cache key>`  a hash: `v` the body bytes, `s`/`f`/`u` storedAt/freshUntil/staleUntil (epoch ms,
 *   as given), `t` the tags joined by newlines; it expires at staleUntil (`PEXPIREAT`).
 * - `P t:<tag>`        a set of entry keys carrying the tag; it expires no earlier than its latest entry.
 * - `P l:<cache key>`  a lock (a random token, `SET NX PX`).
 *
 * Redis may evict keys under `maxmemory`. An entry whose tag index was evicted would escape invalidation,
 * so `get` checks that every tag of the entry still lists it, and drops the entry when one does not: an
 * eviction can only ever cost a miss, never serve an entry a write should have removed.
 * The scripts touch keys they compute (the tag sets), so the store needs one Redis, not a Cluster.
 * @module
 */

/** KEYS: entry. ARGV: tag prefix. Returns [v, s, f, u, t] or nil. */
export const GET_ENTRY = `
local e = redis.call('HMGET', KEYS[1], 'v', 's', 'f', 'u', 't')
if not e[1] then return nil end
for tag in string.gmatch(e[5] or '', '[^\\n]+') do
  if redis.call('SISMEMBER', ARGV[1] .. tag, KEYS[1]) == 0 then
    redis.call('DEL', KEYS[1])
    return nil
  end
end
return e
`;

/** Removes the entry at KEYS[1] (whose tags are in `t`) from its tag sets, then the entry; 1 if there was one. */
const REMOVE = `
local function remove(key, prefix, except)
  local t = redis.call('HGET', key, 't')
  if not t then return 0 end
  for tag in string.gmatch(t, '[^\\n]+') do
    if tag ~= except then redis.call('SREM', prefix .. tag, key) end
  end
  return redis.call('DEL', key)
end
`;

/**
 * KEYS: entry. ARGV: tag prefix, value, storedAt, freshUntil, staleUntil, expire-at (whole ms), tags joined,
 * then each tag. Replaces the entry (the old one's tags no longer lead to it).
 */
export const SET_ENTRY = `${REMOVE}
remove(KEYS[1], ARGV[1], nil)
local expireAt = tonumber(ARGV[6])
redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3], 'f', ARGV[4], 'u', ARGV[5], 't', ARGV[7])
redis.call('PEXPIREAT', KEYS[1], expireAt)
for i = 8, #ARGV do
  local tk = ARGV[1] .. ARGV[i]
  redis.call('SADD', tk, KEYS[1])
  if redis.call('PEXPIRETIME', tk) < expireAt then redis.call('PEXPIREAT', tk, expireAt) end
end
return 1
`;

/** KEYS: entry. ARGV: tag prefix. Returns 1 if an entry went. */
export const DELETE_ENTRY = `${REMOVE}
return remove(KEYS[1], ARGV[1], nil)
`;

/**
 * KEYS: the tag's set. ARGV: tag prefix, tag. Deletes every entry that carries the tag now (a set member
 * whose entry expired and was stored again with other tags stays), then the set; returns how many went.
 */
export const DELETE_BY_TAG = `${REMOVE}
local needle = '\\n' .. ARGV[2] .. '\\n'
local n = 0
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local t = redis.call('HGET', key, 't')
  if t and string.find('\\n' .. t .. '\\n', needle, 1, true) then
    n = n + remove(key, ARGV[1], ARGV[2])
  end
end
redis.call('DEL', KEYS[1])
return n
`;

/** KEYS: lock. ARGV: token. Releases the lock only if this token still holds it. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
