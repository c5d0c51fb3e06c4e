package dev.hamiltorch.examples.cli;

/** A bad command line: the runner prints the message as one line and exits with status 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
