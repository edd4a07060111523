//! The `factdiff` command line. Parses arguments and hands them to [`factdiff::app`].

use clap::Parser;
use factdiff::app::{self, Cli};

fn main() {
    factdiff::platform::tune_allocator();
    let cli = Cli::parse();
    let code = app::run(cli);
    std::process::exit(code);
}
