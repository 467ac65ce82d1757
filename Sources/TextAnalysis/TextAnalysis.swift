// TextAnalysis: see design.md for what this stage owns.
