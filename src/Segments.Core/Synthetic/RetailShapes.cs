namespace Segments.Core.Synthetic;

/// <summary>
/// The shapes of the UCI Online Retail file (Chen et al. 2012) that the synthetic export generators share: the
/// most common quantities with their frequencies, the countries with their weights, the words of product names
/// and where numbering starts.
/// </summary>
internal static class RetailShapes
{
    /// <summary>The first invoice number, as in the UCI file.</summary>
    public const int FirstInvoice = 536365;

    /// <summary>The first CustomerID, as in the UCI file.</summary>
    public const int FirstCustomer = 12346;

    public static readonly (int Quantity, double Weight)[] Quantities =
    [
        (1, 27.4), (2, 15.1), (12, 11.3), (6, 7.5), (4, 7.1), (3, 6.9), (24, 4.4), (10, 4.1), (8, 2.4), (5, 2.2),
        (48, 1.1), (25, 0.9), (20, 0.9), (16, 0.8), (36, 0.7), (7, 0.5), (9, 0.4), (72, 0.4), (100, 0.3), (96, 0.3),
        (18, 0.3), (30, 0.2), (40, 0.2), (144, 0.2), (60, 0.1), (32, 0.1), (50, 0.1), (120, 0.1), (200, 0.05), (480, 0.02),
    ];

    public static readonly (string Name, double Weight)[] Countries =
    [
        ("United Kingdom", 880), ("Germany", 22), ("France", 20), ("EIRE", 8), ("Spain", 7), ("Netherlands", 3),
        ("Belgium", 6), ("Switzerland", 5), ("Portugal", 5), ("Australia", 2), ("Norway", 2), ("Italy", 4),
        ("Channel Islands", 2), ("Finland", 3), ("Cyprus", 2), ("Sweden", 2), ("Austria", 2), ("Denmark", 2),
        ("Japan", 2), ("Poland", 2), ("USA", 1), ("Israel", 1), ("Unspecified", 1), ("Singapore", 1),
        ("Iceland", 1), ("Canada", 1), ("Greece", 1), ("Malta", 1), ("United Arab Emirates", 1), ("RSA", 1),
    ];

    public static readonly string[] Colours =
        ["WHITE", "RED", "PINK", "BLUE", "GREEN", "IVORY", "BLACK", "CREAM", "SILVER", "GOLD", "VINTAGE", "RETROSPOT", "PAISLEY", "POLKADOT", "ZINC", "WOODEN"];

    public static readonly string[] Styles =
        ["HANGING", "HEART", "REGENCY", "CHRISTMAS", "KNITTED", "JUMBO", "SMALL", "LARGE", "SET OF 3", "SET OF 6", "GLASS", "METAL", "ENAMEL", "FELTCRAFT", "PANTRY", "SPACEBOY"];

    public static readonly string[] Things =
        ["T-LIGHT HOLDER", "LANTERN", "COAT HANGER", "HOT WATER BOTTLE", "CAKE TINS", "TEACUP AND SAUCER", "LUNCH BAG", "ALARM CLOCK", "DOORMAT", "PAPER CHAIN KIT", "MUG", "CAKESTAND", "BUNTING", "SIGN", "NOTEBOOK", "PHOTO FRAME", "CANDLE", "TISSUES", "STORAGE JAR", "DOLLY GIRL BAG"];

    public static readonly string[] Qualifiers =
        ["PANTRY DESIGN", "ASSORTED", "SMALL", "LARGE", "BLUE/WHITE", "RED SPOT", "3 TIER", "SET OF 4", "EASTER"];
}
