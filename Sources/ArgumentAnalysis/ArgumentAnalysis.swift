// ArgumentAnalysis: argumentation semantics, comparison of interpretations, tables.
