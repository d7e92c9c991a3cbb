-- Twin of closures.go. adders[i + 1] holds Go's adders[i].
local function makeAdder(k)
  return function(x) return x + k end
end

local function makeCounter()
  local c = 0
  return function()
    c = c + 1
    return c
  end
end

local function apply(f, x)
  return f(x)
end

local adders = {}
for i = 0, 9 do
  local k = i * 3
  adders[i + 1] = makeAdder(k)
end
local counter = makeCounter()
local x = 0
for i = 0, 14999999 do
  x = apply(adders[i % 10 + 1], x)
  if x > 1000000 then x = x - 1000000 end
  x = x + counter() % 3
end
print(string.format("%d", x))
print(string.format("%d", counter()))
