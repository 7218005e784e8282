"""Bubble sort of n pseudo-random integers: the same algorithm as bench/bubble-sort, for comparison."""
import json
import sys


def main(n=4000, seed=42):
    a = []
    x = seed
    i = 0
    while i < n:
        x = (x * 1103515245 + 12345) % 2147483648
        a.append(x % 100000)
        i += 1
    i = 0
    while i < n - 1:
        j = 0
        limit = n - 1 - i
        while j < limit:
            if a[j] > a[j + 1]:
                tmp = a[j]
                a[j] = a[j + 1]
                a[j + 1] = tmp
            j += 1
        i += 1
    print(json.dumps({"first": a[0], "last": a[-1], "middle": a[n // 2], "count": len(a)}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
