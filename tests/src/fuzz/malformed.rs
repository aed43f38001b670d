//! Malformed-input fuzzing of the macro (filled in below).
