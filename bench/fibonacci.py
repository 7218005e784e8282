"""Naive recursive Fibonacci: the same algorithm as bench/fibonacci, for comparison."""
import json
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


if __name__ == "__main__":
    print(json.dumps(fib(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
