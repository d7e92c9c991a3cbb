-- Twin of map_int.go. Lua has no O(1) length for a hash table, so the final
-- len(m) is counted with pairs() once per round.
local n = 200000
local prime = 1000003
local sum = 0
for round = 0, 11 do
  local m = {}
  for i = 0, n - 1 do
    m[(i * 7919 + round) % prime] = i + round
  end
  for i = 0, 2 * n - 1 do
    local v = m[(i * 7919 + round) % prime]
    if v ~= nil then sum = sum + v end
  end
  for i = 0, n - 1, 2 do
    m[(i * 7919 + round) % prime] = nil
  end
  for i = 0, n - 1 do
    local v = m[(i * 7919 + round) % prime]
    if v ~= nil then
      sum = sum + v
    else
      sum = sum + 1
    end
  end
  local len = 0
  for _ in pairs(m) do len = len + 1 end
  sum = sum + len
end
print(string.format("%d", sum))
