/**
 * Attack on round 33 (threshold-bends.ts): specs whose rule changes at a stated number (fees,
 * surcharges, overtime, free allowances, tiers, caps) as people write them. Each attack either
 * holds (asks, or publishes right on every probe) or is marked `it.fails` with what broke.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const p = (f: (i: In) => number): StatedAttack["person"] => f as StatedAttack["person"];

const ATTACKS: StatedAttack[] = [
  {
    name: "bag_more_than_23",
    description: "Baggage: a bag of up to 23 kg flies free; a bag of more than 23 kg pays a 50 euro fee plus 10 euros for each kg over 23.",
    examples: [[{ kg: 25 }, 70], [{ kg: 30 }, 120]],
    person: p((i) => (i.kg <= 23 ? 0 : 50 + 10 * (i.kg - 23))),
    probes: [{ kg: 10 }, { kg: 18 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 26 }, { kg: 75 }],
  },
  {
    name: "bag_above_23",
    description: "Baggage fee: bags above 23 kg are charged 50 euros plus 10 euros per extra kg; lighter bags are free.",
    examples: [[{ kg: 25 }, 70], [{ kg: 30 }, 120]],
    person: p((i) => (i.kg <= 23 ? 0 : 50 + 10 * (i.kg - 23))),
    probes: [{ kg: 10 }, { kg: 18 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 26 }, { kg: 75 }],
  },
  {
    name: "bag_from_24th_kg",
    description: "Excess baggage: from the 24th kg on, every kg costs 10 euros; the first 23 kg cost nothing.",
    examples: [[{ kg: 25 }, 20], [{ kg: 30 }, 70]],
    person: p((i) => 10 * Math.max(i.kg - 23, 0)),
    probes: [{ kg: 5 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 60 }],
  },
  {
    name: "bag_over_23_no_fixed_fee",
    description: "Bags over 23 kg pay 10 euros per kg over 23.",
    examples: [[{ kg: 25 }, 20], [{ kg: 30 }, 70]],
    person: p((i) => 10 * Math.max(i.kg - 23, 0)),
    probes: [{ kg: 5 }, { kg: 20 }, { kg: 23 }, { kg: 24 }, { kg: 60 }],
  },
  {
    name: "bag_beyond_twenty_words",
    description: "Baggage: each kilo beyond twenty kilos costs 10 euros.",
    examples: [[{ kg: 25 }, 50], [{ kg: 30 }, 100]],
    person: p((i) => 10 * Math.max(i.kg - 20, 0)),
    probes: [{ kg: 5 }, { kg: 15 }, { kg: 20 }, { kg: 22 }, { kg: 50 }],
  },
  {
    name: "bag_flat_fee_beyond_23",
    description: "Baggage: a bag beyond 23 kg pays a flat 60 euro fee; bags up to 23 kg fly free.",
    examples: [[{ kg: 25 }, 60], [{ kg: 30 }, 60]],
    person: p((i) => (i.kg > 23 ? 60 : 0)),
    probes: [{ kg: 5 }, { kg: 20 }, { kg: 23 }, { kg: 24 }, { kg: 40 }],
  },
  {
    name: "free_delivery_from_50",
    description: "Delivery costs 5 euros; orders of 50 euros or more are delivered free.",
    examples: [[{ total: 30 }, 5], [{ total: 80 }, 0]],
    person: p((i) => (i.total >= 50 ? 0 : 5)),
    probes: [{ total: 10 }, { total: 45 }, { total: 49 }, { total: 50 }, { total: 51 }, { total: 70 }],
  },
  {
    name: "electricity_two_tiers",
    description: "Electricity bill: the first 100 kWh cost 0.10 euros each, the next 100 kWh 0.15 euros each, and every kWh beyond 200 costs 0.20 euros.",
    examples: [[{ kwh: 150 }, 17.5], [{ kwh: 250 }, 35]],
    person: p((i) => 0.1 * Math.min(i.kwh, 100) + 0.15 * Math.min(Math.max(i.kwh - 100, 0), 100) + 0.2 * Math.max(i.kwh - 200, 0)),
    probes: [{ kwh: 50 }, { kwh: 100 }, { kwh: 120 }, { kwh: 200 }, { kwh: 220 }, { kwh: 400 }],
  },
  {
    name: "water_two_thresholds",
    description: "Water: the first 10 m3 are free, each m3 from 10 to 30 costs 2 euros, and each m3 beyond 30 costs 3 euros.",
    examples: [[{ m3: 20 }, 20], [{ m3: 40 }, 70]],
    person: p((i) => 2 * Math.min(Math.max(i.m3 - 10, 0), 20) + 3 * Math.max(i.m3 - 30, 0)),
    probes: [{ m3: 5 }, { m3: 10 }, { m3: 15 }, { m3: 30 }, { m3: 35 }, { m3: 60 }],
  },
  {
    name: "overtime_37_5_hours",
    description: "Weekly pay: 20 euros an hour; hours in excess of 37.5 are paid at one and a half times the rate.",
    examples: [[{ hours: 40 }, 825], [{ hours: 45 }, 975]],
    person: p((i) => (i.hours <= 37.5 ? 20 * i.hours : 750 + 30 * (i.hours - 37.5))),
    probes: [{ hours: 10 }, { hours: 30 }, { hours: 37 }, { hours: 37.5 }, { hours: 38 }, { hours: 60 }],
  },
  {
    name: "overtime_no_threshold_words",
    description: "Pay: up to 40 hours a week at 15 euros an hour; overtime hours are paid double.",
    examples: [[{ hours: 45 }, 750], [{ hours: 50 }, 900]],
    person: p((i) => (i.hours <= 40 ? 15 * i.hours : 600 + 30 * (i.hours - 40))),
    probes: [{ hours: 10 }, { hours: 20 }, { hours: 38 }, { hours: 40 }, { hours: 42 }],
  },
  {
    name: "shipping_with_express_flag",
    description: "Shipping: 5 euros plus 2 euros per kg beyond 10 kg; express shipping doubles the price.",
    examples: [[{ kg: 12, express: false }, 9], [{ kg: 15, express: true }, 30]],
    person: p((i) => (5 + 2 * Math.max(i.kg - 10, 0)) * (i.express ? 2 : 1)),
    probes: [{ kg: 3, express: false }, { kg: 8, express: true }, { kg: 10, express: false }, { kg: 12, express: true }, { kg: 20, express: false }],
  },
  {
    name: "parking_free_first_2_capped",
    description: "Parking: free for the first 2 hours, then 3 euros per hour, at most 20 euros a day.",
    examples: [[{ hours: 4 }, 6], [{ hours: 5 }, 9]],
    person: p((i) => Math.min(20, 3 * Math.max(i.hours - 2, 0))),
    probes: [{ hours: 1 }, { hours: 2 }, { hours: 3 }, { hours: 8 }, { hours: 9 }, { hours: 12 }, { hours: 24 }],
  },
  {
    name: "late_fee_capped",
    description: "Library: a late book costs 1 euro for each day beyond 7 days, at most 20 euros.",
    examples: [[{ days: 10 }, 3], [{ days: 15 }, 8]],
    person: p((i) => Math.min(20, Math.max(i.days - 7, 0))),
    probes: [{ days: 3 }, { days: 7 }, { days: 20 }, { days: 27 }, { days: 30 }, { days: 60 }],
  },
  {
    name: "tax_beyond_10000",
    description: "Tax: 20% of the income in excess of 10000 euros.",
    examples: [[{ income: 15000 }, 1000], [{ income: 20000 }, 2000]],
    person: p((i) => 0.2 * Math.max(i.income - 10000, 0)),
    probes: [{ income: 5000 }, { income: 9000 }, { income: 10000 }, { income: 12000 }, { income: 50000 }],
  },
  {
    name: "commission_over_first_20000",
    description: "Sales commission: 5% of sales over the first 20000 euros.",
    examples: [[{ sales: 30000 }, 500], [{ sales: 50000 }, 1500]],
    person: p((i) => 0.05 * Math.max(i.sales - 20000, 0)),
    probes: [{ sales: 5000 }, { sales: 15000 }, { sales: 20000 }, { sales: 25000 }, { sales: 100000 }],
  },
  {
    name: "discount_beyond_100",
    description: "Order total: 10% off the part of the order beyond 100 euros.",
    examples: [[{ amount: 150 }, 145], [{ amount: 200 }, 190]],
    person: p((i) => i.amount - 0.1 * Math.max(i.amount - 100, 0)),
    probes: [{ amount: 20 }, { amount: 50 }, { amount: 100 }, { amount: 120 }, { amount: 500 }],
  },
  {
    name: "cooling_beyond_30_negative_temps",
    description: "Cooling surcharge: 4 euros for each degree beyond 30.",
    examples: [[{ degrees: 33 }, 12], [{ degrees: 36 }, 24]],
    person: p((i) => 4 * Math.max(i.degrees - 30, 0)),
    probes: [{ degrees: -5 }, { degrees: 0 }, { degrees: 20 }, { degrees: 28 }, { degrees: 30 }, { degrees: 31 }],
  },
  {
    name: "taxi_minimum_fare",
    description: "Taxi fare: 3 euros per km, with a minimum fare of 10 euros.",
    examples: [[{ km: 5 }, 15], [{ km: 10 }, 30]],
    person: p((i) => Math.max(10, 3 * i.km)),
    probes: [{ km: 1 }, { km: 2 }, { km: 3 }, { km: 4 }, { km: 20 }],
  },
  {
    name: "printing_first_100_free_decimal_rate",
    description: "Printing: the first 100 pages are free; then each page costs 0.05 euros.",
    examples: [[{ pages: 150 }, 2.5], [{ pages: 300 }, 10]],
    person: p((i) => 0.05 * Math.max(i.pages - 100, 0)),
    probes: [{ pages: 10 }, { pages: 50 }, { pages: 99 }, { pages: 100 }, { pages: 101 }, { pages: 1000 }],
  },
  {
    name: "hotel_first_3_nights_free_examples_one_side",
    description: "Hotel stay: the first 3 nights are free, each further night costs 80 euros.",
    examples: [[{ nights: 5 }, 160], [{ nights: 7 }, 320]],
    person: p((i) => 80 * Math.max(i.nights - 3, 0)),
    probes: [{ nights: 1 }, { nights: 2 }, { nights: 3 }, { nights: 4 }, { nights: 14 }],
  },
  {
    name: "bag_beyond_23_fee_and_cap",
    description: "Baggage: a bag beyond 23 kg pays 50 euros plus 10 euros for each kg beyond 23, but never more than 200 euros.",
    examples: [[{ kg: 25 }, 70], [{ kg: 30 }, 120]],
    person: p((i) => (i.kg <= 23 ? 0 : Math.min(200, 50 + 10 * (i.kg - 23)))),
    probes: [{ kg: 10 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 38 }, { kg: 40 }, { kg: 60 }],
  },
];


const ATTACKS2: StatedAttack[] = [
  {
    name: "bag_heavier_than_23",
    description: "Baggage: bags heavier than 23 kg pay 50 euros plus 10 euros for every kg over the limit.",
    examples: [[{ kg: 25 }, 70], [{ kg: 30 }, 120]],
    person: p((i) => (i.kg <= 23 ? 0 : 50 + 10 * (i.kg - 23))),
    probes: [{ kg: 10 }, { kg: 18 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 26 }, { kg: 75 }],
  },
  {
    name: "overtime_first_40_paid",
    description: "Pay: the first 40 hours of the week are paid 15 euros an hour, every further hour 30 euros.",
    examples: [[{ hours: 45 }, 750], [{ hours: 50 }, 900]],
    person: p((i) => 15 * Math.min(i.hours, 40) + 30 * Math.max(i.hours - 40, 0)),
    probes: [{ hours: 10 }, { hours: 20 }, { hours: 38 }, { hours: 40 }, { hours: 42 }],
  },
  {
    name: "overtime_in_excess_of_40_examples_above",
    description: "Weekly pay: 20 euros an hour; hours in excess of 40 are paid 30 euros an hour.",
    examples: [[{ hours: 45 }, 950], [{ hours: 50 }, 1100]],
    person: p((i) => 20 * Math.min(i.hours, 40) + 30 * Math.max(i.hours - 40, 0)),
    probes: [{ hours: 10 }, { hours: 20 }, { hours: 38 }, { hours: 40 }, { hours: 41 }, { hours: 60 }],
  },
  {
    name: "phone_data_examples_above",
    description: "Phone plan: 15 euros a month plus 4 euros per GB beyond the first 5 GB.",
    examples: [[{ gb: 8 }, 27], [{ gb: 10 }, 35]],
    person: p((i) => 15 + 4 * Math.max(i.gb - 5, 0)),
    probes: [{ gb: 0 }, { gb: 1 }, { gb: 3 }, { gb: 5 }, { gb: 6 }, { gb: 20 }],
  },
  {
    name: "parking_capped_at",
    description: "Parking: the first 2 hours are free; each further hour costs 3 euros, capped at 20 euros.",
    examples: [[{ hours: 4 }, 6], [{ hours: 5 }, 9]],
    person: p((i) => Math.min(20, 3 * Math.max(i.hours - 2, 0))),
    probes: [{ hours: 1 }, { hours: 2 }, { hours: 3 }, { hours: 8 }, { hours: 9 }, { hours: 12 }, { hours: 24 }],
  },
  {
    name: "parking_maximum_per_day",
    description: "Parking: free for the first 2 hours, then 3 euros per hour; the daily maximum is 20 euros.",
    examples: [[{ hours: 4 }, 6], [{ hours: 6 }, 12]],
    person: p((i) => Math.min(20, 3 * Math.max(i.hours - 2, 0))),
    probes: [{ hours: 1 }, { hours: 2 }, { hours: 3 }, { hours: 8 }, { hours: 9 }, { hours: 12 }, { hours: 24 }],
  },
  {
    name: "free_shipping_beyond_5000",
    description: "Freight: shipping costs 100 euros; orders beyond 5000 euros ship free.",
    examples: [[{ total: 3000 }, 100], [{ total: 8000 }, 0]],
    person: p((i) => (i.total > 5000 ? 0 : 100)),
    probes: [{ total: 500 }, { total: 4000 }, { total: 5000 }, { total: 5001 }, { total: 6000 }, { total: 7000 }],
  },
  {
    name: "shipping_per_started_5kg_beyond_20",
    description: "Shipping surcharge: 10 euros for every started 5 kg beyond the first 20 kg.",
    examples: [[{ kg: 27 }, 20], [{ kg: 33 }, 30]],
    person: p((i) => 10 * Math.ceil(Math.max(i.kg - 20, 0) / 5)),
    probes: [{ kg: 10 }, { kg: 20 }, { kg: 21 }, { kg: 25 }, { kg: 26 }, { kg: 40 }, { kg: 41 }],
  },
  {
    name: "bag_heavier_than_23_decimal_kg",
    description: "Baggage: bags heavier than 23 kg pay a 60 euro fee; lighter ones fly free.",
    examples: [[{ kg: 20 }, 0], [{ kg: 30 }, 60]],
    person: p((i) => (i.kg > 23 ? 60 : 0)),
    probes: [{ kg: 10 }, { kg: 22 }, { kg: 23 }, { kg: 23.5 }, { kg: 24 }, { kg: 26 }],
  },
  {
    name: "taxi_first_3_km_covered",
    description: "Taxi: 10 euros covers the first 3 km; each km beyond 3 costs 2 euros.",
    examples: [[{ km: 5 }, 14], [{ km: 10 }, 24]],
    person: p((i) => 10 + 2 * Math.max(i.km - 3, 0)),
    probes: [{ km: 0 }, { km: 1 }, { km: 2 }, { km: 3 }, { km: 4 }, { km: 30 }],
  },
  {
    name: "parking_started_hour_after_first_2",
    description: "Parking: 3 euros for each started hour after the first 2 hours.",
    examples: [[{ hours: 4 }, 6], [{ hours: 5.5 }, 12]],
    person: p((i) => 3 * Math.ceil(Math.max(i.hours - 2, 0))),
    probes: [{ hours: 1 }, { hours: 2 }, { hours: 2.5 }, { hours: 3.2 }, { hours: 6 }],
  },
  {
    name: "child_ticket_under_12",
    description: "Tickets cost 8 euros; children under 12 pay half.",
    examples: [[{ age: 30 }, 8], [{ age: 5 }, 4]],
    person: p((i) => (i.age < 12 ? 4 : 8)),
    probes: [{ age: 2 }, { age: 11 }, { age: 12 }, { age: 13 }, { age: 20 }, { age: 70 }],
  },
  {
    name: "bonus_two_fields_sales_target",
    description: "Bonus: 10% of the sales beyond the target.",
    examples: [[{ sales: 1500, target: 1000 }, 50], [{ sales: 3000, target: 2000 }, 100]],
    person: p((i) => 0.1 * Math.max(i.sales - i.target, 0)),
    probes: [{ sales: 500, target: 1000 }, { sales: 1000, target: 1000 }, { sales: 1200, target: 1000 }, { sales: 900, target: 2000 }],
  },
];

const ATTACKS3: StatedAttack[] = [
  {
    name: "bag_over_23_with_fee",
    description: "Baggage: bags over 23 kg pay 50 euros plus 10 euros per extra kg.",
    examples: [[{ kg: 25 }, 70], [{ kg: 30 }, 120]],
    person: p((i) => (i.kg <= 23 ? 0 : 50 + 10 * (i.kg - 23))),
    probes: [{ kg: 10 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 26 }, { kg: 75 }],
  },
  {
    name: "bag_exceeding_23",
    description: "Baggage: a bag exceeding 23 kg costs 50 euros plus 10 euros for each kg exceeding the limit.",
    examples: [[{ kg: 25 }, 70], [{ kg: 30 }, 120]],
    person: p((i) => (i.kg <= 23 ? 0 : 50 + 10 * (i.kg - 23))),
    probes: [{ kg: 10 }, { kg: 20 }, { kg: 22 }, { kg: 23 }, { kg: 24 }, { kg: 26 }, { kg: 75 }],
  },
  {
    name: "overtime_hours_over_40",
    description: "Weekly pay: hours worked over 40 in a week are paid 30 euros instead of 20 euros an hour.",
    examples: [[{ hours: 45 }, 950], [{ hours: 50 }, 1100]],
    person: p((i) => 20 * Math.min(i.hours, 40) + 30 * Math.max(i.hours - 40, 0)),
    probes: [{ hours: 10 }, { hours: 20 }, { hours: 38 }, { hours: 40 }, { hours: 41 }, { hours: 60 }],
  },
  {
    name: "overtime_above_37_5",
    description: "Weekly pay: hours above 37.5 are paid 30 euros, the others 20 euros.",
    examples: [[{ hours: 40 }, 825], [{ hours: 45 }, 975]],
    person: p((i) => 20 * Math.min(i.hours, 37.5) + 30 * Math.max(i.hours - 37.5, 0)),
    probes: [{ hours: 10 }, { hours: 30 }, { hours: 37 }, { hours: 37.5 }, { hours: 38 }, { hours: 60 }],
  },
  {
    name: "heating_below_15_negative_temps",
    description: "Heating charge: 3 euros for each degree below 15.",
    examples: [[{ temp: 10 }, 15], [{ temp: 5 }, 30]],
    person: p((i) => 3 * Math.max(15 - i.temp, 0)),
    probes: [{ temp: -5 }, { temp: 0 }, { temp: 14 }, { temp: 15 }, { temp: 16 }, { temp: 25 }],
  },
  {
    name: "tax_two_bands_large",
    description: "Tax: income beyond 10000 euros is taxed at 20%, and income beyond 50000 euros at 40% instead.",
    examples: [[{ income: 30000 }, 4000], [{ income: 60000 }, 12000]],
    person: p((i) => 0.2 * Math.min(Math.max(i.income - 10000, 0), 40000) + 0.4 * Math.max(i.income - 50000, 0)),
    probes: [{ income: 5000 }, { income: 10000 }, { income: 20000 }, { income: 50000 }, { income: 55000 }, { income: 100000 }],
  },
  {
    name: "hotel_more_than_3_nights_discount",
    description: "Hotel: a night costs 80 euros; stays of more than 3 nights get 10 euros off every night.",
    examples: [[{ nights: 2 }, 160], [{ nights: 5 }, 350]],
    person: p((i) => (i.nights > 3 ? 70 * i.nights : 80 * i.nights)),
    probes: [{ nights: 1 }, { nights: 3 }, { nights: 4 }, { nights: 10 }],
  },
  {
    name: "data_first_five_gb_free_words",
    description: "Mobile data: the first five GB are free, then 4 euros per GB.",
    examples: [[{ gb: 8 }, 12], [{ gb: 10 }, 20]],
    person: p((i) => 4 * Math.max(i.gb - 5, 0)),
    probes: [{ gb: 0 }, { gb: 2 }, { gb: 4 }, { gb: 5 }, { gb: 6 }, { gb: 30 }],
  },
  {
    name: "commission_rate_tier_whole_amount",
    description: "Commission: 1% of the sale, or 2% of the whole sale for sales above 1000 euros.",
    examples: [[{ sale: 500 }, 5], [{ sale: 2000 }, 40]],
    person: p((i) => (i.sale > 1000 ? 0.02 * i.sale : 0.01 * i.sale)),
    probes: [{ sale: 100 }, { sale: 900 }, { sale: 1000 }, { sale: 1001 }, { sale: 1500 }, { sale: 5000 }],
  },
];

const ATTACKS4: StatedAttack[] = [
  {
    name: "late_fee_beyond_5_capped_50",
    description: "Library: a late book costs 2 euros for each day beyond 5 days, at most 50 euros.",
    examples: [[{ days: 10 }, 10], [{ days: 15 }, 20]],
    person: p((i) => Math.min(50, 2 * Math.max(i.days - 5, 0))),
    probes: [{ days: 2 }, { days: 5 }, { days: 20 }, { days: 30 }, { days: 35 }, { days: 60 }],
  },
  {
    name: "roaming_capped_30",
    description: "Roaming: 3 euros per MB beyond the first 10 MB, never more than 30 euros.",
    examples: [[{ mb: 12 }, 6], [{ mb: 15 }, 15]],
    person: p((i) => Math.min(30, 3 * Math.max(i.mb - 10, 0))),
    probes: [{ mb: 2 }, { mb: 10 }, { mb: 19 }, { mb: 20 }, { mb: 21 }, { mb: 50 }],
  },
  {
    name: "parcel_rate_doubles_beyond_5",
    description: "Parcel: 5 euros per kg, plus another 5 euros for each kg beyond 5.",
    examples: [[{ kg: 8 }, 55], [{ kg: 10 }, 75]],
    person: p((i) => 5 * i.kg + 5 * Math.max(i.kg - 5, 0)),
    probes: [{ kg: 1 }, { kg: 2 }, { kg: 4 }, { kg: 5 }, { kg: 6 }, { kg: 30 }],
  },
  {
    name: "daily_overtime_beyond_8_decimal",
    description: "Daily pay: 20 euros an hour; hours beyond 8 in a day are paid 30 euros.",
    examples: [[{ hours: 10 }, 220], [{ hours: 12 }, 280]],
    person: p((i) => 20 * Math.min(i.hours, 8) + 30 * Math.max(i.hours - 8, 0)),
    probes: [{ hours: 4 }, { hours: 7.5 }, { hours: 8 }, { hours: 8.5 }, { hours: 9 }],
  },
  {
    name: "penalty_points_short_of_60",
    description: "Exam penalty: 5 euros for each point short of 60.",
    examples: [[{ points: 50 }, 50], [{ points: 40 }, 100]],
    person: p((i) => 5 * Math.max(60 - i.points, 0)),
    probes: [{ points: 0 }, { points: 55 }, { points: 59 }, { points: 60 }, { points: 61 }, { points: 90 }],
  },
  {
    name: "late_delivery_refund_after_30_minutes",
    description: "Pizza delivery: for each minute later than 30 minutes the customer gets 1 euro back.",
    examples: [[{ minutes: 35 }, 5], [{ minutes: 45 }, 15]],
    person: p((i) => Math.max(i.minutes - 30, 0)),
    probes: [{ minutes: 10 }, { minutes: 25 }, { minutes: 30 }, { minutes: 31 }, { minutes: 60 }],
  },
  {
    name: "child_ticket_under_12_after_answers",
    description: "Tickets cost 8 euros; children under 12 pay half.",
    examples: [[{ age: 30 }, 8], [{ age: 5 }, 4], [{ age: 6 }, 4], [{ age: 9 }, 4], [{ age: 31 }, 8]],
    person: p((i) => (i.age < 12 ? 4 : 8)),
    probes: [{ age: 2 }, { age: 11 }, { age: 12 }, { age: 13 }, { age: 20 }, { age: 70 }],
  },
];

const CONTROLS: StatedAttack[] = [
  {
    name: "control_phone_data",
    description: "Phone plan: 15 euros a month plus 4 euros per GB beyond the first 5 GB.",
    examples: [[{ gb: 8 }, 27], [{ gb: 10 }, 35], [{ gb: 2 }, 15]],
    person: p((i) => 15 + 4 * Math.max(i.gb - 5, 0)),
    probes: [{ gb: 0 }, { gb: 3 }, { gb: 5 }, { gb: 6 }, { gb: 20 }],
  },
  {
    name: "control_overtime_in_excess_of_40",
    description: "Weekly pay: 20 euros an hour; hours in excess of 40 are paid 30 euros an hour.",
    examples: [[{ hours: 45 }, 950], [{ hours: 30 }, 600], [{ hours: 50 }, 1100]],
    person: p((i) => 20 * Math.min(i.hours, 40) + 30 * Math.max(i.hours - 40, 0)),
    probes: [{ hours: 10 }, { hours: 38 }, { hours: 40 }, { hours: 41 }, { hours: 60 }],
  },
  {
    name: "control_speeding_in_excess_of_50",
    description: "Speeding fine: 10 euros for each km/h in excess of 50.",
    examples: [[{ speed: 60 }, 100], [{ speed: 70 }, 200], [{ speed: 40 }, 0]],
    person: p((i) => 10 * Math.max(i.speed - 50, 0)),
    probes: [{ speed: 30 }, { speed: 49 }, { speed: 50 }, { speed: 51 }, { speed: 90 }],
  },
  {
    name: "control_parking_free_first_2",
    description: "Parking: free for the first 2 hours, then 3 euros per hour.",
    examples: [[{ hours: 4 }, 6], [{ hours: 5 }, 9], [{ hours: 1 }, 0]],
    person: p((i) => 3 * Math.max(i.hours - 2, 0)),
    probes: [{ hours: 0 }, { hours: 2 }, { hours: 3 }, { hours: 10 }],
  },
  {
    name: "control_hotel_first_3_nights",
    description: "Hotel stay: the first 3 nights are free, each further night costs 80 euros.",
    examples: [[{ nights: 5 }, 160], [{ nights: 2 }, 0], [{ nights: 7 }, 320]],
    person: p((i) => 80 * Math.max(i.nights - 3, 0)),
    probes: [{ nights: 1 }, { nights: 3 }, { nights: 4 }, { nights: 14 }],
  },
];

/** Attacks that break the promise, by name: the label says what was published and where the fix belongs. */
const BROKE: Record<string, string> = {
  bag_above_23:
    "published Math.round(kg / 23) * (50 + 10 * (kg - 23)) after 4 answers (0, 1, 26, 24): 20 euros at 20 kg, 50 at 23 kg, 1710 at 75 kg (want 0, 0, 570). 'above 23 kg' is no stated threshold: THRESHOLDS reads 'above' only in 'above the first N', so no excess edge and no bendOffThreshold (stated-edges.ts:56)",
  overtime_no_threshold_words:
    "published 15 * (hours + (hours - 40)) with no question: -300 at 10 hours, 0 at 20, 540 at 38 (want 150, 300, 570). 'up to 40 hours ... overtime' states no threshold the regexes read (stated-edges.ts:55-58), and a straight line through examples all past the threshold has no bend, so bendOffThreshold passes it even where the threshold is read (threshold-bends.ts:47)",
  parking_free_first_2_capped:
    "published 3 * max(hours - 2, 0) after 2 answers (2, 0): 21 at 9 hours, 66 at 24 (want the stated cap 20). The cap 'at most 20 euros a day' goes unasked: unusedNumber counts 20 as used because the program holds 2 = 20 / 10 (loose-constants.ts:34, the m / 10 form)",
  bag_heavier_than_23:
    "published 50 + 10 * (kg - 23) after 2 answers (50, 253): -80 at 10 kg, 20 at 20 kg, 50 at 23 kg (want 0). 'heavier than 23 kg' / 'over the limit' is no stated threshold (stated-edges.ts:56), and the line has no bend for bendOffThreshold to find (threshold-bends.ts:47); both answers asked lay past 23",
  bag_over_23_with_fee:
    "published Math.round(kg / 23) * (50 + 10 * (kg - 23)) after 4 answers (0, 1, 26, 24): 20 at 20 kg, 50 at 23 kg, 1710 at 75 kg (want 0, 0, 570). 'over 23 kg' is no stated threshold (THRESHOLDS reads 'over' only in 'over the first N', stated-edges.ts:56)",
  bag_exceeding_23:
    "published 50 + 10 * (kg - 23) after 2 answers (50, 253): -80 at 10 kg, 20 at 20 kg, 50 at 23 kg (want 0). 'exceeding 23 kg' is no stated threshold (stated-edges.ts:56); a line with no bend passes bendOffThreshold anyway (threshold-bends.ts:47)",
  heating_below_15_negative_temps:
    "published 3 * (15 - temp) with no question: -3 at 16 degrees, -30 at 25 (want 0). A rule that starts below a stated number ('each degree below 15', the mirror of an excess) has no THRESHOLDS pattern (stated-edges.ts:55-58) and the straight line has no bend (threshold-bends.ts:47)",
  roaming_capped_30:
    "published 3 * max(mb - 10, 0) after 2 answers (6, 13): 33 at 21 MB, 120 at 50 MB (want the stated cap 30). The threshold 10 is read and the program bends there, so bendOffThreshold is content; the cap 'never more than 30 euros' goes unasked because unusedNumber counts 30 as used through the rate 3 = 30 / 10 (loose-constants.ts:34)",
  penalty_points_short_of_60:
    "published 5 * (60 - points) after 1 answer (0): -5 at 61 points, -150 at 90 (want 0). 'each point short of 60' (a deficit below a stated number) has no THRESHOLDS pattern (stated-edges.ts:55-58), and the line has no bend (threshold-bends.ts:47)",
  late_delivery_refund_after_30_minutes:
    "published minutes - 30 with no question: -20 at 10 minutes, -5 at 25 (want 0). 'each minute later than 30 minutes' is no stated threshold (stated-edges.ts:56), and the line has no bend (threshold-bends.ts:47)",
};

/**
 * Broke or held, on 05c2182, by how much search the CPU budget bought (an `it.fails` would have
 * flaked); since round 33 reads 'under 12' as a number the rule changes at, the bend at 16 is asked
 * about at 13 whatever the search finds first, and both hold. On
 * two of three runs alone, child_ticket_under_12 published min(8, max(0.5, max(age, 12) - 8)) after
 * the answers 6, 9, 31: a ramp from 4 at 12 to 8 at 16 in place of a step at 12 (wrong at 12 to 15),
 * and child_ticket_under_12_after_answers (those answers given as examples) published it with no
 * question twice alone; in the whole file's run both asked seven times. 'children under 12' states
 * a step the THRESHOLDS regexes miss (stated-edges.ts:55-58); read as a threshold, bendOffThreshold
 * would ask at 13 every time (the bend at 16 has no example between it and 12).
 */
const LOAD_DEPENDENT = new Set(["child_ticket_under_12", "child_ticket_under_12_after_answers"]);

/** Broke on 05c2182 and hold since round 33's mends (rule numbers in more words, lines with every example on one side, a bend past every example). */
const FIXED_33 = new Set([
  "bag_above_23", "overtime_no_threshold_words", "bag_heavier_than_23", "bag_over_23_with_fee", "bag_exceeding_23",
  "heating_below_15_negative_temps", "penalty_points_short_of_60", "late_delivery_refund_after_30_minutes",
]);

/**
 * Broke on 05c2182 and hold since round 34: two whole numbers a factor of ten apart are two numbers
 * (loose-constants.ts `unusedNumber`), so the cap is asked about. roaming_capped_30 publishes the cap
 * after three answers; parking_free_first_2_capped asks past six answers rather than publish wrong.
 */
const FIXED_34 = new Set(["parking_free_first_2_capped", "roaming_capped_30"]);

/**
 * The attacks that held on 05c2182 (40 of them, about four minutes of search) run with A33_ALL=1:
 * the whole suite runs near CI's time limit, so by default only the breaks, their mends and the
 * controls run.
 */
const HELD_TOO = Boolean(process.env.A33_ALL);

/** Each attack as a test: still broken (`it.fails`), mended, or holding. */
function attackTests(attacks: readonly StatedAttack[]): void {
  const backend = createExampleBackend();
  for (const a of attacks) {
    const run = (): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: false, traceVar: "A33_TRACE" });
    const label = BROKE[a.name];
    if (label !== undefined && FIXED_33.has(a.name)) it(`FIXED (round 33; broke before): BROKE: ${a.name}: ${label}`, run, ANSWERED_MS);
    else if (label !== undefined && FIXED_34.has(a.name)) it(`FIXED (round 34; broke before): BROKE: ${a.name}: ${label}`, run, ANSWERED_MS);
    else if (label !== undefined) it.fails(`BROKE: ${a.name}: ${label}`, run, ANSWERED_MS);
    else if (LOAD_DEPENDENT.has(a.name)) it(`FIXED (round 33; broke on some runs before): ${a.name}`, run, ANSWERED_MS);
    else (HELD_TOO ? it : it.skip)(`held on 05c2182: ${a.name}`, run, ANSWERED_MS);
  }
}

describe("round 33 attacks: a rule that changes at a stated number", () => attackTests(ATTACKS));
describe("round 33 attacks, second batch", () => attackTests(ATTACKS2));
describe("round 33 attacks, third batch", () => attackTests(ATTACKS3));
describe("round 33 attacks, fourth batch", () => attackTests(ATTACKS4));

// Round 33's questions come first (at the threshold where a program jumps there), so a control
// may take two more answers than before: eight.
describe("round 33 controls: a plain excess publishes right", () => {
  const backend = createExampleBackend();
  for (const a of CONTROLS) it(a.name, () => keepsStatedPromise(backend, a, { mustPublish: true, traceVar: "A33_TRACE", answers: 8 }), ANSWERED_MS);
});
