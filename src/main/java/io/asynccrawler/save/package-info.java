/** Where bodies go: safe relative paths (TargetPaths), and .part files published atomically (FileSink). */
package io.asynccrawler.save;
