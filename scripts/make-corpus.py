#!/usr/bin/env python3
"""Writes a deterministic corpus of essays for benchmarks by recombining the
sentences of the labelled samples: COUNT essays of about WORDS words each, in
folders of 500, so that runs on any machine grade the same text.

    scripts/make-corpus.py --count 5000 --out /tmp/corpus [--words 600] [--seed 1]
    scripts/make-corpus.py --single-mb 50 --out /tmp/big     # one huge essay
"""
import argparse, glob, os, random, re

parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=5000)
parser.add_argument("--words", type=int, default=600)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--single-mb", type=int, default=0, help="write one essay of this many MB instead")
parser.add_argument("--out", required=True)
parser.add_argument("--samples", default=os.path.join(os.path.dirname(__file__), "..", "Samples"))
args = parser.parse_args()

sentences = []
for path in sorted(glob.glob(os.path.join(args.samples, "*.txt"))):
    text = open(path, encoding="utf-8").read()
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        sentence = " ".join(sentence.split())
        if len(sentence.split()) >= 5:
            sentences.append(sentence)
rng = random.Random(args.seed)

def essay(target_words):
    paragraphs, words = [], 0
    while words < target_words:
        paragraph = [rng.choice(sentences) for _ in range(rng.randint(3, 6))]
        words += sum(len(s.split()) for s in paragraph)
        paragraphs.append(" ".join(paragraph))
    return "Cuban Missile Crisis: The Fallout\n\n" + "\n\n".join(paragraphs) + "\n"

os.makedirs(args.out, exist_ok=True)
if args.single_mb:
    with open(os.path.join(args.out, "huge.txt"), "w", encoding="utf-8") as f:
        written = 0
        while written < args.single_mb * 1_000_000:
            chunk = essay(2000)
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
else:
    for index in range(args.count):
        folder = os.path.join(args.out, "class-%03d" % (index // 500))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "essay-%05d.txt" % index), "w", encoding="utf-8") as f:
            f.write(essay(args.words))
