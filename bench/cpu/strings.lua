-- Twin of strings.go. strings.Builder becomes a table of parts joined by
-- table.concat (Lua's idiom for the same job); += becomes "..".
local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }
local byte = string.byte

local built = 0
for r = 0, 599 do
  local parts, np = {}, 0
  for i = 0, 19999 do
    parts[np + 1] = words[(i + r) % 8 + 1]
    parts[np + 2] = " "
    np = np + 2
  end
  local s = table.concat(parts)
  built = built + #s
  for i = 1, #s, 7 do
    built = built + byte(s, i)
  end
end
print(string.format("%d", built))

local concat = 0
for r = 0, 119 do
  local s = ""
  for i = 0, 3999 do
    s = s .. words[(i * 3 + r) % 8 + 1]
  end
  concat = concat + #s
  for i = 1, #s, 7 do
    concat = concat + byte(s, i)
  end
end
print(string.format("%d", concat))
