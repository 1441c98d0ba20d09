namespace Segments.Core.Rules;

/// <summary>The type of a customer attribute, which decides the operators and literals a query may use with it.</summary>
public enum AttributeType
{
    /// <summary>Text, compared case-insensitively with =, !=, IN and NOT IN.</summary>
    Text,

    /// <summary>A decimal number, with every comparison.</summary>
    Number,

    /// <summary>A calendar date, with every comparison, against <c>'YYYY-MM-DD'</c> or a relative date such as <c>-90d</c>.</summary>
    Date,

    /// <summary>true or false, with = and !=.</summary>
    Boolean,

    /// <summary>A list of texts, with CONTAINS and NOT CONTAINS.</summary>
    TextList,
}
