namespace Segments.Core.Rules;

/// <summary>One attribute a rule query may name.</summary>
/// <param name="Name">Lower-case name as written in queries and as the key of <see cref="CustomerProfile.Values"/>.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">What it means, for documentation and error messages.</param>
public sealed record AttributeDefinition(string Name, AttributeType Type, string Description)
{
    /// <summary>The type in words, as error messages say it.</summary>
    public string TypeName => Type switch
    {
        AttributeType.Text => "text",
        AttributeType.Number => "number",
        AttributeType.Date => "date",
        AttributeType.Boolean => "true/false",
        AttributeType.TextList => "list",
        _ => Type.ToString(),
    };
}
