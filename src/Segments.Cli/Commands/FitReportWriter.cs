using System.Globalization;
using System.Text.Json;
using Segments.Core.Btyd;
using Segments.Core.Ingest;

namespace Segments.Cli.Commands;

/// <summary>Writes what <c>segments fit</c> produces: the JSON summary and the per-customer predictions.</summary>
public static class FitReportWriter
{
    /// <summary>
    /// One JSON object: <c>{"model","customers","params":{...},"logLikelihood","converged","reason","notes","timeUnit"}</c>.
    /// A failed fit has empty params, a null log-likelihood and the reason.
    /// </summary>
    public static string ToJson<TModel>(ModelFit<TModel> fit, TimeUnit unit)
        where TModel : class, IFittedModel
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteFit(json, fit, unit);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The holdout comparison: <c>{"model":"auto","chosen","holdoutLength","reason","candidates":[...]}</c>, each
    /// candidate its fit object plus predicted and actual holdout purchases and the errors per customer.
    /// </summary>
    public static string ToJson(ModelSelection selection, TimeUnit unit)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", FitArguments.SelectionModel);
            json.WriteString("chosen", selection.Chosen?.Fit.ModelName);
            json.WriteNumber("holdoutLength", selection.HoldoutLength);
            json.WriteString("reason", selection.Reason);
            json.WriteStartArray("candidates");
            foreach (var candidate in selection.Candidates)
            {
                WriteFit(json, candidate.Fit, unit, candidate);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFit<TModel>(Utf8JsonWriter json, ModelFit<TModel> fit, TimeUnit unit, HoldoutScore? holdout = null)
        where TModel : class, IFittedModel
    {
        json.WriteStartObject();
        json.WriteString("model", fit.ModelName);
        json.WriteNumber("customers", fit.Customers);
        json.WriteStartObject("params");
        foreach (var parameter in fit.Model?.Parameters ?? [])
        {
            json.WriteNumber(parameter.Name, parameter.Value);
        }

        json.WriteEndObject();
        WriteNullable(json, "logLikelihood", fit.LogLikelihood);
        json.WriteBoolean("converged", fit.Converged);
        json.WriteString("reason", fit.Reason);
        json.WriteString("notes", fit.Notes);
        json.WriteString("timeUnit", unit == TimeUnit.Day ? "day" : "week");
        if (holdout is not null)
        {
            WriteNullable(json, "predictedHoldoutPurchases", holdout.PredictedPurchases);
            json.WriteNumber("actualHoldoutPurchases", holdout.ActualPurchases);
            WriteNullable(json, "holdoutRmse", holdout.RootMeanSquaredError);
            WriteNullable(json, "holdoutMae", holdout.MeanAbsoluteError);
        }

        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>
    /// <c>customer_id,x,t_x,T,p_alive,expected_purchases,churn_probability</c> per customer: the expectation over
    /// <paramref name="horizon"/>, and P(no purchase within it) (empty for Pareto/NBD, see <see cref="ChurnForecast"/>).
    /// </summary>
    public static async Task WritePurchasePredictionsAsync(FileInfo output, IReadOnlyList<CustomerSummary> customers, IPurchaseModel model, double horizon, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output.FullName);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("customer_id,x,t_x,T,p_alive,expected_purchases,churn_probability".AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var customer in customers)
            {
                var h = customer.History;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{CsvField.Escape(customer.CustomerId)},{h.RepeatPurchases},{h.LastPurchaseTime:R},{h.ObservationTime:R},{model.ProbabilityAlive(h):G10},{model.ExpectedPurchases(h, horizon):G10},{ChurnForecast.ProbabilityNoPurchase(model, h, horizon):G10}");
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary><c>customer_id,x,zbar,expected_average_spend</c> per customer.</summary>
    public static async Task WriteSpendPredictionsAsync(FileInfo output, IReadOnlyList<CustomerSummary> customers, GammaGammaModel model, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output.FullName);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("customer_id,x,zbar,expected_average_spend".AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var customer in customers)
            {
                var x = customer.History.RepeatPurchases;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{CsvField.Escape(customer.CustomerId)},{x},{customer.AverageRepeatSpend:R},{model.ExpectedAverageSpend(x, customer.AverageRepeatSpend):G10}");
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
