-- Twin of interfaces.go: four metatable classes with the same two methods,
-- called through a mixed array. t.a * t.h is always even, so Go's "/ 2" is
-- exact; Lua writes it as a multiplication by 0.5 with the result an
-- integral float, printed with %d.
local Rect = {}
Rect.__index = Rect
function Rect.new(w, h) return setmetatable({ w = w, h = h }, Rect) end
function Rect:area() return self.w * self.h end
function Rect:perimeter() return 2 * (self.w + self.h) end

local Square = {}
Square.__index = Square
function Square.new(s) return setmetatable({ s = s }, Square) end
function Square:area() return self.s * self.s end
function Square:perimeter() return 4 * self.s end

local Tri = {}
Tri.__index = Tri
function Tri.new(a, b, c, h) return setmetatable({ a = a, b = b, c = c, h = h }, Tri) end
function Tri:area() return (self.a * self.h - (self.a * self.h) % 2) / 2 end
function Tri:perimeter() return self.a + self.b + self.c end

local Poly = {}
Poly.__index = Poly
function Poly.new(sides, area) return setmetatable({ sides = sides, area_ = area }, Poly) end
function Poly:area() return self.area_ end
function Poly:perimeter()
  local s = 0
  for _, x in ipairs(self.sides) do s = s + x end
  return s
end

local shapes = {}
for i = 0, 7 do
  shapes[#shapes + 1] = Rect.new(i + 1, i + 2)
  shapes[#shapes + 1] = Square.new(i + 3)
  shapes[#shapes + 1] = Tri.new(i + 2, i + 3, i + 4, 2 * i + 2)
  shapes[#shapes + 1] = Poly.new({ i, 1, 2, i + 1 }, 10 * i)
end
local n = #shapes
local sum = 0
for i = 0, 11999999 do
  local s = shapes[i % n + 1]
  sum = sum + s:area() - s:perimeter()
end
print(string.format("%d", sum))
