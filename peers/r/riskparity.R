# Adapter: R riskParityPortfolio (Vinicius & Palomar) for the parity-bench external-solver protocol.
#   Rscript riskparity.R METHOD COV BUDGETS TOL MAXITER OUT
# METHOD: newton | cyclical-spinu | cyclical-roncalli | sca   (the public function riskParityPortfolio)
#         nn | ccd-spinu | ccd-roncalli                      (the compiled routines risk_parity_portfolio_*)
# Times in-process: PEER_WARMUP untimed calls (default 0), then the median of PEER_REPEATS timed calls (default 1).
# Reports no status for the convex methods, because the package reports none (it stops at maxiter without a
# flag); for sca it reports MAX_ITERATIONS when the package's own convergence flag is FALSE.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 6) {
  stop("usage: riskparity.R METHOD COV BUDGETS TOL MAXITER OUT")
}
method <- args[1]
Sigma <- unname(as.matrix(read.csv(args[2], header = FALSE)))
b <- as.numeric(read.csv(args[3], header = FALSE)[1, ])
tol <- as.numeric(args[4])
maxiter <- as.integer(args[5])
if (maxiter == 0) maxiter <- 1000L  # the package's default
out <- args[6]
warmup <- as.integer(Sys.getenv("PEER_WARMUP", "0"))
repeats <- max(1L, as.integer(Sys.getenv("PEER_REPEATS", "1")))
suppressPackageStartupMessages(library(riskParityPortfolio))
ns <- asNamespace("riskParityPortfolio")
solve_once <- switch(method,
  "newton" = , "cyclical-spinu" = , "cyclical-roncalli" =
    function() riskParityPortfolio(Sigma, b = b, method_init = method, maxiter = maxiter, ftol = tol),
  "sca" = function() suppressWarnings(riskParityPortfolio(Sigma, b = b, formulation = "rc-double",
                                                         maxiter = maxiter, ftol = tol)),
  "nn" = function() list(w = ns$risk_parity_portfolio_nn(Sigma, b, tol, maxiter)),
  "ccd-spinu" = function() list(w = ns$risk_parity_portfolio_ccd_spinu(Sigma, b, tol, maxiter)),
  "ccd-roncalli" = function() list(w = ns$risk_parity_portfolio_ccd_roncalli(Sigma, b, tol, maxiter)),
  stop("unknown method '", method, "'"))
for (k in seq_len(warmup)) invisible(solve_once())
times <- numeric(repeats)
for (k in seq_len(repeats)) {
  t0 <- Sys.time()
  p <- solve_once()
  times[k] <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
}
w <- as.numeric(p$w)
num <- function(v) ifelse(is.finite(v), sprintf("%.17g", v), "NaN")
fields <- c(sprintf("\"weights\": [%s]", paste(num(w), collapse = ", ")),
            sprintf("\"seconds\": %s", num(median(times))),
            sprintf("\"repeats\": %d", repeats))
if (method == "sca" && isFALSE(p$convergence)) {
  fields <- c(fields, "\"status\": \"MAX_ITERATIONS\"",
              sprintf("\"message\": \"sca: convergence = FALSE after maxiter = %d\"", maxiter))
}
writeLines(paste0("{", paste(fields, collapse = ", "), "}"), out)
