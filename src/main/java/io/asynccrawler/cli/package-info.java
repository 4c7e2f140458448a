/** The picocli commands: parse, build a Job, run it, print. The only package that imports picocli. */
package io.asynccrawler.cli;
