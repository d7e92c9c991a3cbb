-- Twin of map_string.go. keys[i + 1] holds Go's keys[i].
local n = 50000
local keys = {}
for i = 0, 2 * n - 1 do
  keys[i + 1] = "key-" .. string.format("%d", i * 7919 % 1000003)
end
local sum = 0
for round = 0, 39 do
  local m = {}
  for i = 0, n - 1 do
    m[keys[(i + round) % n + 1]] = i + round
  end
  for i = 0, 2 * n - 1 do
    local v = m[keys[i + 1]]
    if v ~= nil then sum = sum + v end
  end
  for i = 0, n - 1, 3 do
    m[keys[i + 1]] = nil
  end
  for i = 0, 2 * n - 1, 2 do
    local v = m[keys[i + 1]]
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
