/** The async transport on Netty: pools per Origin, the pipeline, one Exchange at a time per connection. The only package that imports Netty's client side. */
package io.asynccrawler.fetch.netty;
