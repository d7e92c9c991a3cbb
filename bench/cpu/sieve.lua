-- Twin of sieve.go. Go's make([]bool) is zeroed; Lua fills the table.
local function sieve(n)
  local composite = {}
  for i = 1, n do composite[i] = false end
  local count = 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      for j = i * i, n, i do
        composite[j] = true
      end
    end
  end
  return count
end

local total, last = 0, 0
for r = 0, 9 do
  last = sieve(2000000 + r)
  total = total + last
end
print(string.format("%d", last))
print(string.format("%d", total))
