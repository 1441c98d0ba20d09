using System.Globalization;
using Segments.Bench;
using Segments.Core.Btyd;

// Benchmark of the BG/NBD fit (not a test): 1,000,000 customers simulated from the CDNOW estimates, and the CDNOW
// sample itself. Every time is reported with its ratio to a reference measured in the same process (one
// log-likelihood-and-gradient evaluation over the 1M grouped histories), so runs on different or busy machines
// compare. Exit code 1 when the simulated parameters are not recovered.
var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var cdnowPath = args.Length > 1 ? args[1] : Path.Combine(FindRoot(), "..", "shared", "data", "cdnow", "cdnow_customers_summary.csv");
const int Repeats = 5;
double[] truth = [0.243, 4.414, 0.793, 2.426];
var likelihood = new BgNbdLikelihood();

Console.WriteLine($"BG/NBD benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {customers:N0} simulated customers, median of {Repeats} runs");

var (simulateMs, _, histories) = Stopwatches.Measure(1, () =>
    BtydSimulator.BetaGeometric(truth[0], truth[1], truth[2], truth[3], new SimulationDesign(customers), new Random(20050301)));
var (groupMs, groupFastMs, data) = Stopwatches.Measure(Repeats, () => GroupedHistories.From(histories));
var gradient = new double[4];
var (evaluationMs, evaluationFastMs, _) = Stopwatches.Measure(25, () => likelihood.LogLikelihood(truth, data, gradient));
var (fitMs, fitFastMs, fit) = Stopwatches.Measure(Repeats, () => PurchaseModelFitter.Fit(likelihood, data));

Console.WriteLine($"reference: one log-likelihood + gradient over {data.Count:N0} distinct histories: {evaluationMs:F2} ms (fastest {evaluationFastMs:F2})");
Console.WriteLine($"simulate {customers:N0} customers:      {simulateMs,8:F0} ms (not part of the fit)");
Console.WriteLine($"group into distinct histories:   {groupMs,8:F0} ms (fastest {groupFastMs:F0}) = {groupMs / evaluationMs,6:F0} × reference");
Console.WriteLine($"fit (all starting points):       {fitMs,8:F0} ms (fastest {fitFastMs:F0}) = {fitMs / evaluationMs,6:F0} × reference, {fit.Iterations} iterations");
Console.WriteLine($"group + fit:                     {groupMs + fitMs,8:F0} ms (goal: under 2,000 ms on 2 cores)");

var recovered = true;
Console.WriteLine("recovered parameters (truth → estimate, relative error; must be within 3 %):");
if (fit.Model is not BgNbdModel model)
{
    Console.WriteLine($"  fit failed: {fit.Reason}");
    return 1;
}

double[] estimates = [model.R, model.Alpha, model.A, model.B];
for (var i = 0; i < 4; i++)
{
    var error = (estimates[i] - truth[i]) / truth[i];
    recovered &= Math.Abs(error) <= 0.03;
    Console.WriteLine($"  {likelihood.ParameterNames[i],-6} {truth[i],7:F3} → {estimates[i],8:F4} ({error,7:P2})");
}

if (File.Exists(cdnowPath))
{
    using var reader = new StreamReader(cdnowPath);
    var summary = await SummaryFileReader.ReadAsync(reader, CancellationToken.None);
    var cdnow = GroupedHistories.From(summary.Customers.Select(c => c.History));
    var (cdnowMs, cdnowFastMs, cdnowFit) = Stopwatches.Measure(Repeats, () => PurchaseModelFitter.Fit(likelihood, cdnow));
    Console.WriteLine($"CDNOW fit ({summary.Customers.Count:N0} customers, {cdnow.Count:N0} distinct): {cdnowMs:F1} ms (fastest {cdnowFastMs:F1}) = {cdnowMs / evaluationMs:F1} × reference; " +
        $"1M fit / CDNOW fit = {fitMs / cdnowMs:F1}; {cdnowFit.Model}, LL {cdnowFit.LogLikelihood:F1}");
}
else
{
    Console.WriteLine($"CDNOW fit: skipped, {cdnowPath} not found");
}

Console.WriteLine(recovered ? "parameters recovered" : "PARAMETERS NOT RECOVERED");
return recovered ? 0 : 1;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
