using Segments.Core.Events;

namespace Segments.Cli.Commands;

/// <summary>Prints the behaviour segments' sizes after an analysis with events.</summary>
internal static class BehaviourPrinter
{
    public static void Print(BehaviourResult behaviour, int eventOnlyCustomers)
    {
        Console.WriteLine($"behaviour segments as of {behaviour.AsOf:yyyy-MM-dd}:");
        foreach (var segment in Enum.GetValues<BehaviourSegment>())
        {
            Console.WriteLine($"  {BehaviourSegmentNames.Qualified(segment)}: {behaviour.CustomersIn(segment).Count()}");
        }

        Console.WriteLine($"identified customers with events {behaviour.Facts.Count}, of whom without orders {eventOnlyCustomers}; anonymous visitors {behaviour.AnonymousVisitors}");
    }
}
