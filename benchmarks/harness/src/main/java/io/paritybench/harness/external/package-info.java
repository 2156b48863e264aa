/**
 * External solvers: any implementation, in any language, run as a command and judged by the same harness as the
 * built-in solvers.
 *
 * <p>The protocol: a definitions file ({@link ExternalDefinitions}) has one {@code ID: COMMAND TEMPLATE} per line;
 * for each trial the harness writes Σ and b as header-less CSV ({@code %.17g}) into a scratch folder, substitutes the
 * placeholders of the template ({@link CommandTemplate}) and runs the command ({@link ExternalSolver}), which writes
 * a JSON object ({@link ExternalAnswer}) to {@code {out}}. What came back ({@link ExternalRun}) is classified exactly
 * like a built-in solver's result: the harness checks the returned weights itself and trusts no claim.
 */
package io.paritybench.harness.external;
