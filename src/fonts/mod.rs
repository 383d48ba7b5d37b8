//! Fonts: which faces exist (`discovery`: the bundled faces, the project's `fonts/`, the
//! system's), which family sets each script and language (`choice`: what decides the
//! fonts of a build), and whether every character a
//! document prints has a face (`coverage`: the glyph check `check` and `build` run).

pub mod choice;
pub mod coverage;
pub mod discovery;
