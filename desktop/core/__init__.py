"""Pure rules over plain data: no register, no Qt, no Excel."""
