//! The Candour command-line tool (see the README, "The command-line tool").

fn main() {
    eprintln!("candour-cli: not yet implemented");
    std::process::exit(2);
}
