/**
 * The one REST client of the end-to-end tests and the benchmarks, so how a client signs in and
 * talks to Wenjin is written once. Published in ejb's test jar (only this package) for the ear's
 * tests.
 */
package org.wenjin.restclient;
