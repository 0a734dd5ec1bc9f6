"""String building and counting words in a dict."""

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


def text(n):
    parts = []
    for i in range(n):
        parts.append(WORDS[(i * 7 + i // 3) % len(WORDS)])
    return " ".join(parts)


def count(s):
    counts = {}
    for word in s.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def build(counts):
    out = ""
    for word in sorted(counts):
        out += f"{word}={counts[word]};"
    return out


counts = count(text(200_000))
print(build(counts))
print(sum(counts.values()))
