/**
 * The process around a command: the terminal and the status line redrawn on it, stdin, signals
 * (Ctrl-C, SIGTERM) and the open-file limit the job is sized within. Used by the commands in
 * {@code cli}; knows nothing of picocli.
 */
package io.asynccrawler.cli.process;
