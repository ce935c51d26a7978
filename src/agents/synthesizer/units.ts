/**
 * Conversion factors between the units a description names. "A weight in ounces converted to
 * grams, rounded to 1 decimal" from 1 → 28.3 and 8 → 226.8 leaves the factor open to a few parts
 * in a thousand; a person knows it is 28.349523125. Units are world knowledge, like the names of the
 * months: the factor between two units of one kind the description names becomes a constant the
 * search may use, as if the description had written it. Only whole factors between named units, no
 * programs: the search still has to find what to multiply or divide.
 */
import { tidy } from "./number-words.ts";

type Dimension = "length" | "mass" | "volume" | "area" | "speed" | "pressure" | "energy" | "power" | "fuel" | "fuel_inverse" | "current" | "voltage" | "resistance";

/**
 * [pattern, dimension, size of one unit in the dimension's base unit, and for a speed the size of
 * its length (round 22: "343 metres per second" and "the distance in km" are metres and km)].
 * Longer names first.
 */
const UNITS: readonly (readonly [RegExp, Dimension, number, number?])[] = [
  // Areas and compound units before their parts ("square feet" is no length, "km/h" no distance).
  [/\b(square (feet|foot)|sq\.? ?ft|ft2|ft²)\b/, "area", 0.09290304],
  [/\b(square (metres?|meters?)|sq\.? ?m|m2|m²)\b/, "area", 1],
  [/\b(square inch(es)?|sq\.? ?in)\b/, "area", 0.00064516],
  [/\b(square yards?|sq\.? ?yd)\b/, "area", 0.83612736],
  [/\b(square (kilometres?|kilometers?)|km2|km²)\b/, "area", 1e6],
  [/\b(square miles?|sq\.? ?mi)\b/, "area", 2589988.110336],
  [/\bacres?\b/, "area", 4046.8564224],
  [/\b(hectares?|ha)\b/, "area", 10000],
  [/\b(miles per gallon|mpg)\b/, "fuel", 1609.344 / 3.785411784],
  [/\b(kilometres per litre|kilometers per liter|km\/l|kmpl)\b/, "fuel", 1000],
  [/\b(litres per 100 ?km|liters per 100 ?km|l\/100 ?km)\b/, "fuel_inverse", 100000],
  [/(\bkm\/h\b|\bkmh\b|\bkph\b|\bkilomet(re|er)s per hour\b)/, "speed", 1 / 3.6, 1000],
  [/\b(mph|miles per hour)\b/, "speed", 0.44704, 1609.344],
  [/\bknots?\b/, "speed", 1852 / 3600, 1852],
  [/(\bm\/s\b|\bmet(re|er)s per second\b)/, "speed", 1, 1],
  [/(\bft\/s\b|\bfeet per second\b)/, "speed", 0.3048, 0.3048],
  [/\bnautical miles?\b/, "length", 1852],
  [/\b(millimet(re|er)s?|mm)\b/, "length", 0.001],
  [/\b(centimet(re|er)s?|cm)\b/, "length", 0.01],
  [/\b(kilomet(re|er)s?|km)\b/, "length", 1000],
  [/\bmet(re|er)s?\b/, "length", 1],
  [/\b(inch(es)?)\b/, "length", 0.0254],
  [/\b(feet|foot|ft)\b/, "length", 0.3048],
  [/\b(yards?|yd)\b/, "length", 0.9144],
  [/\bmiles?\b/, "length", 1609.344],
  [/\b(fluid ounces?|fl\.? ?oz)\b/, "volume", 0.0295735295625],
  [/\b(milligrams?|mg)\b/, "mass", 1e-6],
  [/\b(kilograms?|kilos?|kg)\b/, "mass", 1],
  [/\b(grams?|g)\b/, "mass", 0.001],
  [/\b(ounces?|oz)\b/, "mass", 0.028349523125],
  [/\b(pounds?|lbs?)\b/, "mass", 0.45359237],
  [/\bstones?\b/, "mass", 6.35029318],
  [/\b(tonnes?|metric tons?)\b/, "mass", 1000],
  [/\b(millilit(re|er)s?|ml)\b/, "volume", 0.001],
  [/\b(lit(re|er)s?|l)\b/, "volume", 1],
  [/\b(imperial gallons?)\b/, "volume", 4.54609],
  [/\bgallons?\b/, "volume", 3.785411784],
  [/\bquarts?\b/, "volume", 0.946352946],
  [/\bpints?\b/, "volume", 0.473176473],
  [/\bcups?\b/, "volume", 0.2365882365],
  [/\b(tablespoons?|tbsp)\b/, "volume", 0.01478676478125],
  [/\b(teaspoons?|tsp)\b/, "volume", 0.00492892159375],
  [/\bpsi\b/, "pressure", 6894.757293168],
  [/\bbars?\b/, "pressure", 100000],
  [/\b(kpa|kilopascals?)\b/, "pressure", 1000],
  [/\b(hpa|hectopascals?|millibars?|mbar)\b/, "pressure", 100],
  [/\b(atm|atmospheres?)\b/, "pressure", 101325],
  [/\b(mmhg)\b/, "pressure", 133.322387415],
  [/\b(kcal|kilocalories?|calories?)\b/, "energy", 4184],
  [/\b(kj|kilojoules?)\b/, "energy", 1000],
  [/\b(kwh|kilowatt[- ]hours?)\b/, "energy", 3.6e6],
  [/\b(btus?)\b/, "energy", 1055.05585262],
  [/\b(horsepower|hp)\b/, "power", 745.69987158],
  [/\b(kw|kilowatts?)\b/, "power", 1000],
  [/\b(milliwatts?|mw)\b/, "power", 0.001],
  [/\bwatts?\b/, "power", 1],
  // Electrical units (round 26): "the current in amps" beside a field `milliamps`.
  [/\b(milliamps?|milliamperes?|ma)\b/, "current", 0.001],
  [/\b(amps?|amperes?)\b/, "current", 1],
  [/\b(millivolts?|mv)\b/, "voltage", 0.001],
  [/\b(kilovolts?|kv)\b/, "voltage", 1000],
  [/\bvolts?\b/, "voltage", 1],
  [/\b(kilohms?|kiloohms?)\b/, "resistance", 1000],
  [/\bohms?\b/, "resistance", 1],
];


/** The units a text names, each once (a name inside a longer one, "feet" in "square feet", is not counted apart). */
function unitsIn(description: string): { dimension: Dimension; size: number }[] {
  let text = description.toLowerCase();
  const found: { dimension: Dimension; size: number }[] = [];
  for (const [re, dimension, size, length] of UNITS) {
    const global = new RegExp(re.source, "g");
    if (!global.test(text)) continue;
    found.push({ dimension, size });
    if (length !== undefined) found.push({ dimension: "length", size: length });
    text = text.replace(global, " ");
  }
  return found;
}

/** A unit a text names (a field's words, a phrase), if any, longer names first: its dimension and its size in the dimension's base unit. */
export function unitOf(text: string): { dimension: Dimension; size: number } | undefined {
  return unitsIn(text)[0];
}

/**
 * The factors between every two units of one kind the description names (both ways), and for a
 * fuel economy against its inverse ("litres per 100 km" from "miles per gallon") the constant
 * that is divided by.
 */
export function unitFactors(description: string): number[] {
  const units = unitsIn(description);
  const out = new Set<number>();
  for (const a of units) {
    for (const b of units) {
      if (a === b) continue;
      if (a.dimension === b.dimension && a.size !== b.size) out.add(tidy(a.size / b.size));
      if (a.dimension === "fuel" && b.dimension === "fuel_inverse") out.add(tidy(b.size / a.size));
    }
  }
  return [...out];
}

/**
 * The constants of the formulas between temperature scales the description names (32, 1.8, 5/9,
 * 273.15). Not search constants (the linear fit finds them from the examples) but known ones: a
 * fitted 32 that rounding leaves loose is not asked about.
 */
export function temperatureConstants(description: string): number[] {
  const named = new Set((description.toLowerCase().match(/\b(fahrenheit|celsius|centigrade|kelvin)\b/g) ?? []).map((w) => (w === "centigrade" ? "celsius" : w)));
  const out: number[] = [];
  if (named.has("fahrenheit") && named.size > 1) out.push(32, 1.8, tidy(5 / 9));
  if (named.has("kelvin") && named.size > 1) out.push(273.15);
  return out;
}

/** A number written with a unit the table knows ("per 100 km", "30 days" is not one): part of the unit's name. */
export const NUMBER_WITH_UNIT = new RegExp(`-?\\d+(?:\\.\\d+)?\\s*(?:${UNITS.map(([re]) => re.source).join("|")})`, "gi");
