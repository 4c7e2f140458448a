package io.asynccrawler.job;

/**
 * What a job read and whether it finished.
 *
 * @param targets     URLs started
 * @param inputErrors bad input lines or arguments, each reported
 * @param duplicates  duplicate URLs dropped
 * @param interrupted stopped by a signal before the input ended
 */
public record JobTotals(int targets, int inputErrors, int duplicates, boolean interrupted) {
}
