-- Twin of loops.go.
local n = 420
local s = 0
for i = 0, n - 1 do
  for j = 0, n - 1 do
    for k = 0, n - 1 do
      if (i + j + k) % 3 == 0 then
        s = s + i * j - k
      else
        s = s + k
      end
    end
  end
end
print(string.format("%d", s))
