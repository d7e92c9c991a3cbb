-- Twin of methods.go: metatable classes. Vec is immutable like a Go value;
-- swapping makes a new Vec, as Go's Vec{v.y, v.x} builds a new value.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec:dot(o) return self.x * o.x + self.y * o.y end

local Acc = {}
Acc.__index = Acc
function Acc.new() return setmetatable({ total = 0, n = 0 }, Acc) end
function Acc:add(v)
  self.total = self.total + v
  self.n = self.n + 1
  if self.total > 1000000007 then self.total = self.total - 1000000007 end
end
function Acc:getTotal() return self.total end

local vs = {}
for i = 0, 15 do vs[i + 1] = Vec.new(i * 7 + 1, 20 - i) end
local acc = Acc.new()
local v = Vec.new(3, 5)
for i = 0, 9999999 do
  local w = vs[i % 16 + 1]
  acc:add(v:dot(w))
  if acc:getTotal() % 7 == 0 then v = Vec.new(v.y, v.x) end
end
print(string.format("%d", acc:getTotal()))
print(string.format("%d", acc.n))
print(string.format("%d %d", v.x, v.y))
