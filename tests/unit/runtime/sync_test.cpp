// sync primitives on the runtime semaphore: Mutex, RWMutex, WaitGroup, Once, Cond.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace gol::rt;
using namespace gol::rt::test;

TEST_CASE("Mutex: mutual exclusion under contention, parking goroutines not threads") {
    for (int p : {1, 2, 4}) {
        Runtime rt(procs(p));
        int64_t counter = 0; // deliberately not atomic: the mutex must protect it
        rt.runMain([&] {
            Mutex mu;
            WaitGroup wg;
            for (int g = 0; g < 50; g++) {
                wg.add(1);
                getRuntime()->spawn([&] {
                    for (int i = 0; i < 1000; i++) {
                        mu.lock();
                        counter++;
                        if (i % 100 == 0) gosched(); // hold it across a reschedule now and then
                        CHECK(mu.unlock() == SyncError::None);
                    }
                    wg.done();
                });
            }
            wg.wait();
        });
        CHECK(counter == 50 * 1000);
    }
}

TEST_CASE("Mutex: tryLock and unlock of an unlocked mutex") {
    Runtime rt(procs(1));
    rt.runMain([&] {
        Mutex mu;
        CHECK(mu.tryLock());
        CHECK(!mu.tryLock());
        CHECK(mu.unlock() == SyncError::None);
        SyncError e = mu.unlock();
        CHECK(e == SyncError::UnlockOfUnlockedMutex);
        CHECK(std::string(syncErrorString(e)) == "sync: unlock of unlocked mutex");
        CHECK(syncErrorIsFatal(e));
    });
}

TEST_CASE("Mutex: a waiter blocked for long enters starvation mode and still gets the lock") {
    Runtime rt(procs(2));
    std::atomic<int> waiterGot{0};
    rt.runMain([&] {
        Mutex mu;
        std::atomic<bool> stop{false};
        mu.lock();
        WaitGroup wg;
        wg.add(1);
        getRuntime()->spawn([&] {
            mu.lock(); // waits > 1 ms while main keeps re-taking the lock
            waiterGot++;
            (void)mu.unlock();
            wg.done();
        });
        sleepFor(3'000'000);
        (void)mu.unlock();
        // Greedy re-locking would starve the waiter in normal mode; starvation mode hands off.
        while (waiterGot.load() == 0) {
            mu.lock();
            (void)mu.unlock();
            safepoint();
        }
        stop = true;
        wg.wait();
    });
    CHECK(waiterGot.load() == 1);
}

TEST_CASE("RWMutex: readers share, writers exclude, errors reported") {
    Runtime rt(procs(2));
    std::atomic<int> readersIn{0}, maxReaders{0};
    int64_t shared = 0;
    rt.runMain([&] {
        RWMutex rw;
        WaitGroup wg;
        for (int i = 0; i < 8; i++) {
            wg.add(1);
            getRuntime()->spawn([&] {
                for (int k = 0; k < 200; k++) {
                    rw.rlock();
                    int n = ++readersIn;
                    int m = maxReaders.load();
                    while (n > m && !maxReaders.compare_exchange_weak(m, n)) {
                    }
                    gosched();
                    readersIn--;
                    CHECK(rw.runlock() == SyncError::None);
                }
                wg.done();
            });
        }
        for (int i = 0; i < 4; i++) {
            wg.add(1);
            getRuntime()->spawn([&] {
                for (int k = 0; k < 200; k++) {
                    rw.lock();
                    CHECK(readersIn.load() == 0);
                    shared++;
                    CHECK(rw.unlock() == SyncError::None);
                }
                wg.done();
            });
        }
        wg.wait();
        CHECK(rw.tryLock());
        CHECK(!rw.tryRLock());
        CHECK(rw.unlock() == SyncError::None);
        CHECK(rw.unlock() == SyncError::UnlockOfUnlockedRWMutex);
        RWMutex r2;
        CHECK(r2.runlock() == SyncError::RUnlockOfUnlockedRWMutex);
    });
    CHECK(shared == 800);
    CHECK(maxReaders.load() >= 1);
}

TEST_CASE("WaitGroup: waits for all, negative counter, reuse") {
    Runtime rt(procs(2));
    std::atomic<int> done{0};
    rt.runMain([&] {
        WaitGroup wg;
        for (int i = 0; i < 100; i++) {
            CHECK(wg.add(1) == SyncError::None);
            getRuntime()->spawn([&] {
                sleepFor(100'000);
                done++;
                CHECK(wg.done() == SyncError::None);
            });
        }
        CHECK(wg.wait() == SyncError::None);
        CHECK(done.load() == 100);
        CHECK(wg.wait() == SyncError::None); // counter is 0: returns at once
        WaitGroup bad;
        SyncError e = bad.add(-1);
        CHECK(e == SyncError::NegativeWaitGroupCounter);
        CHECK(std::string(syncErrorString(e)) == "sync: negative WaitGroup counter");
        CHECK(!syncErrorIsFatal(e));
    });
    CHECK(std::string(syncErrorString(SyncError::WaitGroupReused)) ==
          "sync: WaitGroup is reused before previous Wait has returned");
}

TEST_CASE("Once: exactly one run even with many concurrent callers; late callers wait") {
    Runtime rt(procs(4));
    std::atomic<int> runs{0}, sawDone{0};
    rt.runMain([&] {
        Once once;
        WaitGroup wg;
        for (int i = 0; i < 64; i++) {
            wg.add(1);
            getRuntime()->spawn([&] {
                if (once.enter()) {
                    sleepFor(1'000'000); // slow initialiser: the others must wait for it
                    runs++;
                    once.leave();
                }
                if (runs.load() == 1) sawDone++;
                wg.done();
            });
        }
        wg.wait();
        CHECK(once.isDone());
    });
    CHECK(runs.load() == 1);
    CHECK(sawDone.load() == 64);
}

TEST_CASE("Cond: Signal wakes one waiter in order, Broadcast wakes all") {
    Runtime rt(procs(2));
    std::vector<int> woke;
    rt.runMain([&] {
        Mutex mu;
        Cond cond;
        int ready = 0;
        WaitGroup wg;
        int waiting = 0;
        for (int i = 0; i < 3; i++) {
            wg.add(1);
            getRuntime()->spawn([&, i] {
                mu.lock();
                waiting++;
                while (ready == 0) {
                    uint32_t t = cond.waitAdd();
                    (void)mu.unlock();
                    cond.waitPark(t);
                    mu.lock();
                }
                ready--;
                woke.push_back(i);
                (void)mu.unlock();
                wg.done();
            });
            // Queue the waiters in a known order.
            for (;;) {
                mu.lock();
                int w = waiting;
                (void)mu.unlock();
                if (w == i + 1) break;
                sleepFor(100'000);
            }
        }
        sleepFor(1'000'000);
        mu.lock();
        ready = 1;
        cond.signal();
        (void)mu.unlock();
        for (;;) {
            mu.lock();
            size_t n = woke.size();
            (void)mu.unlock();
            if (n == 1) break;
            sleepFor(100'000);
        }
        mu.lock();
        ready = 2;
        cond.broadcast();
        (void)mu.unlock();
        wg.wait();
    });
    REQUIRE(woke.size() == 3);
    CHECK(woke[0] == 0); // Signal wakes the longest waiter
}

TEST_CASE("a goroutine blocked on a mutex forever is reported in the deadlock trace") {
    Runtime rt(procs(2));
    auto ex = rt.runMain([&] {
        Mutex mu;
        mu.lock();
        mu.lock();
    });
    CHECK(ex == Runtime::Exit::Deadlock);
    CHECK(rt.allGoroutinesTrace().find("goroutine 1 [sync.Mutex.Lock]:") != std::string::npos);
}
