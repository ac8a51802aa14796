"""Reading `content/`: safe YAML (`safe_yaml`), the loader that turns it into the model with
every error at once (`loader`), and the cautions an exercise's pictures call for
(`movement_rules`).
"""
