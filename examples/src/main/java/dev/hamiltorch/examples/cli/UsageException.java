package dev.hamiltorch.examples.cli;

/** A bad command line: the runner prints the message as one line and exits with status 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, as one line without the {@code error: } prefix */
    public UsageException(String message) {
        super(message);
    }
}
