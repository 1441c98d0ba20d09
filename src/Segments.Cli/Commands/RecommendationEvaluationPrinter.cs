using System.Globalization;
using Segments.Core.Recommendations;

namespace Segments.Cli.Commands;

/// <summary>Prints the holdout metrics of <c>segments recommend --evaluate</c>, one line per model.</summary>
internal static class RecommendationEvaluationPrinter
{
    public static void Print(RecommendationEvaluation evaluation)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"holdout {evaluation.HoldoutStart:yyyy-MM-dd} to {evaluation.HoldoutEnd:yyyy-MM-dd}; training before it, {evaluation.TrainingProducts} products; {evaluation.Baseline.Customers} customers on both sides"));
        Console.WriteLine(string.Create(inv, $"{"model",-22} {"hit@" + evaluation.K,8} {"recall@" + evaluation.K,10} {"ndcg@" + evaluation.K,8}"));
        foreach (var m in evaluation.Models)
        {
            var name = m.Lambda is { } lambda ? string.Create(inv, $"{m.Model} λ={lambda}") : m.Model.ToString();
            var chosen = m.Model == evaluation.Chosen && m.Lambda == evaluation.Lambda ? "  ← chosen" : "";
            Console.WriteLine(string.Create(inv, $"{name,-22} {m.HitRate,8:0.0000} {m.Recall,10:0.0000} {m.Ndcg,8:0.0000} {m.ElapsedMs,8} ms{chosen}"));
        }
    }
}
