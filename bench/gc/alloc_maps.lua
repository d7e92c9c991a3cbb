-- Twin of alloc_maps.go. Records are tables; a Go slice of tags is a Lua
-- array with an explicit length; name[:k] is string.sub(name, 1, k).
local digits = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" }

local function itoa(n)
  if n == 0 then return "0" end
  local s = ""
  while n > 0 do
    local d = n % 10
    s = digits[d + 1] .. s
    n = (n - d) / 10
  end
  return s
end

local sub = string.sub
local rounds = 20
local perRound = 40000
local keep = {}
local sum = 0
for round = 0, rounds - 1 do
  local m = {}
  local count = 0
  for i = 0, perRound - 1 do
    local name = "user" .. itoa(i * 31 % 10007) .. "-" .. itoa(round % 7)
    local r = m[name]
    if r == nil then
      r = { name = name, tags = {}, ntags = 0, score = 0 }
      m[name] = r
      count = count + 1
    end
    r.ntags = r.ntags + 1
    r.tags[r.ntags] = sub(name, 1, 1 + i % 5)
    r.score = r.score + #name + i % 3
  end
  keep[round % 4 + 1] = { m = m, len = count }
  for _, r in pairs(m) do
    sum = sum + r.score + r.ntags
  end
  sum = sum + count
end
local live = 0
for _, k in ipairs(keep) do live = live + k.len end
print(string.format("%d", sum))
print(string.format("%d", live))
