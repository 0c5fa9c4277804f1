//! `mj`: the command-line companion (being written).

fn main() {
    eprintln!("mj is being written");
    std::process::exit(1);
}
