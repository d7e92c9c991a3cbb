-- Twin of binary_trees.go; the depth is the first argument (default 16).
local function bottomUp(depth)
  if depth <= 0 then return {} end
  return { bottomUp(depth - 1), bottomUp(depth - 1) }
end

local function check(node)
  if node[1] == nil then return 1 end
  return 1 + check(node[1]) + check(node[2])
end

local function pow2(k)
  local r = 1
  for _ = 1, k do r = r * 2 end
  return r
end

local n = 16
if arg[1] ~= nil and string.match(arg[1], "^%d+$") then n = tonumber(arg[1]) end
local minDepth = 4
local maxDepth = n
if minDepth + 2 > n then maxDepth = minDepth + 2 end
local stretch = maxDepth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch, check(bottomUp(stretch))))
local longLived = bottomUp(maxDepth)
for d = minDepth, maxDepth, 2 do
  local iters = pow2(maxDepth - d + minDepth)
  local c = 0
  for _ = 1, iters do
    c = c + check(bottomUp(d))
  end
  print(string.format("%d\t trees of depth %d\t check: %d", iters, d, c))
end
print(string.format("long lived tree of depth %d\t check: %d", maxDepth, check(longLived)))
