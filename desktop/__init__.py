"""Qt front ends, one module per hall role."""
