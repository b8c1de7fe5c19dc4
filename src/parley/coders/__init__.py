"""Who codes a run: this process (`local`), worker processes (`pool`) or Ray actors
(`ray_crew`), all with `parley.coding.code_documents`, scheduled by `schedule` so that any
crew gives the same events in the same order to the one writer."""
