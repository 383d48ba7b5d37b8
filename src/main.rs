//! The `tradui` binary: parse the arguments, run the command, exit with its status.

use clap::Parser;
use tradui::cli::{Cli, Out, run};

fn main() {
    let cli = Cli::parse();
    let mut out = Out::terminal(cli.color);
    let status = run(cli, &mut out);
    out.flush();
    std::process::exit(status as i32);
}
