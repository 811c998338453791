"""单位: the units of the register, their spellings, groups and members, and likely pairs."""
