// rusage runs a command and writes its wall time, CPU time, peak RSS and exit
// status to a report file, for bench/run.py.
//
// Why a helper: Linux carries a process's peak RSS (ru_maxrss) across exec,
// and the exec'ing process's own peak counts too. A benchmark started directly
// from Python therefore reports at least the Python interpreter's RSS (~17 MB).
// Started from this small program, the floor is this program's own footprint
// (about 1.5 MB), below what any measured implementation needs.
//
// Usage: rusage REPORT_FILE COMMAND [ARG...]
// The command inherits stdin, stdout, stderr and the environment. REPORT_FILE
// receives one JSON object: wall_s, user_s, sys_s, maxrss_kb, exit, signal.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

type report struct {
	WallS    float64 `json:"wall_s"`
	UserS    float64 `json:"user_s"`
	SysS     float64 `json:"sys_s"`
	MaxRSSKB int64   `json:"maxrss_kb"`
	Exit     int     `json:"exit"`
	Signal   int     `json:"signal"`
	Error    string  `json:"error,omitempty"`
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: rusage REPORT_FILE COMMAND [ARG...]")
		os.Exit(2)
	}
	var r report
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Start()
	if err == nil {
		// A non-zero exit is reported through ProcessState, not as a failure here.
		_ = cmd.Wait()
	}
	r.WallS = time.Since(start).Seconds()
	if err != nil {
		r.Exit, r.Error = 127, err.Error()
	} else {
		ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		r.UserS = time.Duration(syscall.TimevalToNsec(ru.Utime)).Seconds()
		r.SysS = time.Duration(syscall.TimevalToNsec(ru.Stime)).Seconds()
		r.MaxRSSKB = ru.Maxrss
		if ws.Signaled() {
			r.Exit, r.Signal = -1, int(ws.Signal())
		} else {
			r.Exit = ws.ExitStatus()
		}
	}
	data, _ := json.Marshal(r)
	if werr := os.WriteFile(os.Args[1], data, 0o644); werr != nil {
		fmt.Fprintln(os.Stderr, "rusage:", werr)
		os.Exit(2)
	}
}
