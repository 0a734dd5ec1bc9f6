"""Primes below 2,000,000 by the sieve of Eratosthenes."""


def sieve(n):
    is_prime = [True] * n
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n**0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, n, i):
                is_prime[j] = False
    count = 0
    for flag in is_prime:
        if flag:
            count += 1
    return count


print(sieve(2_000_000))
