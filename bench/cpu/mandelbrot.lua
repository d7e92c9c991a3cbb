-- Twin of mandelbrot.go.
local n = 1600
local maxIter = 50
local inside, total = 0, 0
local fn = n + 0.0
for y = 0, n - 1 do
  local ci = 2.0 * y / fn - 1.0
  for x = 0, n - 1 do
    local cr = 2.0 * x / fn - 1.5
    local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
    local i = 0
    while i < maxIter and tr + ti <= 4.0 do
      zi = 2.0 * zr * zi + ci
      zr = tr - ti + cr
      tr = zr * zr
      ti = zi * zi
      i = i + 1
    end
    if tr + ti <= 4.0 then inside = inside + 1 end
    total = total + i
  end
end
print(string.format("%d", inside))
print(string.format("%d", total))
