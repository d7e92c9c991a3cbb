// Oracle for the "custom operand walker" case of fmt_test.cpp: pointer formatting, with the
// run's address replaced by ADDR (hex) and DEC (decimal). Run: go run fmt_pointer_gen.go
package main

import (
	"fmt"
	"strings"
)

func main() {
	x := 1
	p := &x
	a := fmt.Sprintf("%p", p)
	r := strings.NewReplacer(a[2:], "ADDR", fmt.Sprint(fmt.Sprintf("%d", p)), "DEC")
	for _, f := range []string{"%p %d", "%v %v", "%#v %#v", "%#p %x", "%T %T", "%s %s", "%[2]*[1]d|", "%[2]*[1]x|", "%20v|%-20p|"} {
		fmt.Println(r.Replace(fmt.Sprintf(f, p, -5)))
	}
}
